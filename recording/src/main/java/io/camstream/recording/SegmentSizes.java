package io.camstream.recording;

import java.time.Duration;

/**
 * How large and long segment files grow. Retention deletes whole segments, oldest first, so a segment is at most a
 * tenth of the camera's quota: the files then stay within the quota while the newest segment grows.
 */
final class SegmentSizes {

    static final long MIN_SEGMENT = 64 * 1024;
    static final long MAX_SEGMENT = 64L * 1024 * 1024;
    /** A segment is closed after this long, so that a killed process leaves short files to re-read. */
    static final Duration SEGMENT_LENGTH = Duration.ofMinutes(1);

    private SegmentSizes() {
    }

    static long segmentBytes(long quota) {
        return quota == 0 ? MAX_SEGMENT : Math.clamp(quota / 10, MIN_SEGMENT, MAX_SEGMENT);
    }
}

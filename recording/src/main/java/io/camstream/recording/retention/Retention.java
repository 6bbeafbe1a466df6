package io.camstream.recording.retention;

import io.camstream.recording.store.CameraStore;
import io.camstream.recording.store.SegmentInfo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Deletes what a camera recorded once it is older than {@code recording.max-age}, and the oldest segments while the
 * camera's segment files would take more than {@code recording.max-bytes} with room for the segment being written
 * to grow to its largest. Whole segment files go, never a part, and never one still being written. Events go with
 * the day's journal once the whole day is older than the maximum age.
 */
public final class Retention {

    private static final System.Logger LOGGER = System.getLogger(Retention.class.getName());

    private final CameraStore store;
    private final Duration maxAge;
    private final long maxBytes;
    private final long segmentBytes;

    /**
     * @param store        the camera's recordings
     * @param maxAge       the oldest kept
     * @param maxBytes     the quota; 0 for none
     * @param segmentBytes the largest a segment grows
     */
    public Retention(CameraStore store, Duration maxAge, long maxBytes, long segmentBytes) {
        this.store = store;
        this.maxAge = maxAge;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
    }

    /**
     * Deletes what is due.
     *
     * @param now       the time now
     * @param openFiles the segments being written, relative to the camera's directory: never deleted
     * @return bytes deleted
     * @throws IOException when the index or a file cannot be changed
     */
    public long apply(Instant now, Set<String> openFiles) throws IOException {
        Instant oldest = now.minus(maxAge);
        List<SegmentInfo> segments = store.segments();
        long total = segments.stream().mapToLong(SegmentInfo::bytes).sum();
        long allowed = maxBytes == 0 ? Long.MAX_VALUE : maxBytes - segmentBytes;
        long deleted = 0;
        int files = 0;
        for (SegmentInfo segment : segments) {
            boolean old = segment.end().isBefore(oldest);
            if (openFiles.contains(segment.file()) || (!old && total <= allowed)) {
                continue;
            }
            store.delete(segment);
            total -= segment.bytes();
            deleted += segment.bytes();
            files++;
        }
        int journals = store.deleteJournalsBefore(LocalDate.ofInstant(oldest, ZoneOffset.UTC));
        if (files > 0 || journals > 0) {
            LOGGER.log(System.Logger.Level.DEBUG, "Camera recordings in {0}: deleted {1} segment(s), {2} bytes,"
                    + " and {3} event journal(s)", store.dir(), files, deleted, journals);
        }
        return deleted;
    }
}

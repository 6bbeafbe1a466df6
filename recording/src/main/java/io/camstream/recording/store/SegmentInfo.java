package io.camstream.recording.store;

import java.time.Instant;

/**
 * One segment file as the index knows it.
 *
 * @param file        its path relative to the camera's recording directory
 * @param recordingId the recording it belongs to
 * @param kind        the recording's kind
 * @param sequence    its place in the recording, from 1
 * @param start       the first frame's capture time
 * @param end         the last frame's capture time
 * @param frames      complete frames in it
 * @param bytes       the file's length as far as it is sound
 */
public record SegmentInfo(String file, long recordingId, RecordingKind kind, int sequence, Instant start, Instant end,
                          long frames, long bytes) {
}

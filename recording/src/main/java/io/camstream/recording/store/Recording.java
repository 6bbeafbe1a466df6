package io.camstream.recording.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A recording: frames of one camera from one start to one end, kept in one or more segment files.
 *
 * @param id       its number, unique per camera and growing
 * @param kind     why it was made
 * @param start    the first frame's capture time
 * @param end      the last frame's capture time
 * @param frames   frames in it
 * @param bytes    bytes its files take
 * @param segments how many files hold it
 */
public record Recording(long id, RecordingKind kind, Instant start, Instant end, long frames, long bytes,
                        int segments) {

    /** @return from the first to the last frame */
    public Duration duration() {
        return Duration.between(start, end);
    }
}

package io.camstream.recording;

import java.util.Locale;

/** What a camera records: {@code recording.mode}. */
public enum RecordingMode {
    /** Nothing. */
    OFF,
    /** Each motion event, with pre- and post-capture. */
    MOTION,
    /** Every frame. */
    CONTINUOUS;

    /** @return the value as written in the configuration */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.camstream.recording.store;

import java.util.Locale;
import java.util.Optional;

/** Why frames were recorded: around a motion event, all the time, or one per timelapse interval. */
public enum RecordingKind {
    /** Pre-capture, the event and post-capture ({@code recording.mode: motion}). */
    MOTION(1),
    /** Every frame, cut into recordings of {@link #CONTINUOUS_LENGTH} ({@code recording.mode: continuous}). */
    CONTINUOUS(2),
    /** One frame per {@code timelapse.interval}, one recording per day. */
    TIMELAPSE(3);

    /** Continuous recordings are cut this often, so that each can be listed, played and exported on its own. */
    public static final java.time.Duration CONTINUOUS_LENGTH = java.time.Duration.ofMinutes(10);

    private final byte code;

    RecordingKind(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    /** @return the name used in the API and the index: {@code motion}, {@code continuous}, {@code timelapse} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<RecordingKind> of(byte code) {
        for (RecordingKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The kind with a label.
     *
     * @param label {@code motion}, {@code continuous} or {@code timelapse}
     * @return the kind, if the label is one
     */
    public static Optional<RecordingKind> ofLabel(String label) {
        for (RecordingKind kind : values()) {
            if (kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

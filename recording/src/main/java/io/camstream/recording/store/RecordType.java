package io.camstream.recording.store;

import java.util.Optional;

/** What a record of a camstream file holds. */
enum RecordType {
    /** The first record of a segment: what recording it belongs to. */
    SEGMENT_HEADER(1),
    /** One frame as the camera delivered it, with its capture time. */
    FRAME(2),
    /** A motion event as it was when written; the last record of an event wins. */
    EVENT(3);

    private final byte code;

    RecordType(int code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    static Optional<RecordType> of(byte code) {
        for (RecordType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

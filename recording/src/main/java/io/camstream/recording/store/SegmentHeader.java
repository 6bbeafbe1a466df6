package io.camstream.recording.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The first record of a segment file: which recording of which camera it belongs to, and its place in it. With
 * these the index can be rebuilt from the files alone.
 *
 * @param kind        why the recording was made
 * @param recordingId the recording's number, unique per camera
 * @param sequence    the segment's place in its recording, from 1
 * @param camera      the camera's name
 */
record SegmentHeader(RecordingKind kind, long recordingId, int sequence, String camera) {

    private static final byte VERSION = 1;
    private static final int MAX_NAME = 256;

    ByteBuffer encode() {
        byte[] name = camera.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + name.length)
                .put(VERSION).put(kind.code()).putLong(recordingId).putInt(sequence).putShort((short) name.length)
                .put(name)
                .flip();
    }

    static Optional<SegmentHeader> decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (payload.length < 16 || in.get() != VERSION) {
            return Optional.empty();
        }
        Optional<RecordingKind> kind = RecordingKind.of(in.get());
        long recordingId = in.getLong();
        int sequence = in.getInt();
        int nameLength = in.getShort() & 0xFFFF;
        if (kind.isEmpty() || recordingId < 1 || sequence < 1 || nameLength > MAX_NAME
                || nameLength != in.remaining()) {
            return Optional.empty();
        }
        byte[] name = new byte[nameLength];
        in.get(name);
        return Optional.of(new SegmentHeader(kind.get(), recordingId, sequence,
                new String(name, StandardCharsets.UTF_8)));
    }
}

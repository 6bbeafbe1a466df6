package io.camstream.recording.store;

import io.camstream.spi.Frame;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The payload of a frame record: capture time in microseconds since the epoch, the driver's sequence number,
 * width and height (8, 8, 4 and 4 bytes, big-endian), then the JPEG as the camera delivered it.
 */
final class FrameRecord {

    static final int PREFIX_BYTES = 24;

    private FrameRecord() {
    }

    static ByteBuffer prefix(Frame frame) {
        return ByteBuffer.allocate(PREFIX_BYTES)
                .putLong(micros(frame.captureTime()))
                .putLong(frame.sequence())
                .putInt(frame.width())
                .putInt(frame.height())
                .flip();
    }

    /** The listing of a frame record from its first bytes, or empty when they make no sense. */
    static Optional<StoredFrame> stored(long offset, ByteBuffer prefix, int length) {
        if (prefix.remaining() < PREFIX_BYTES || length <= PREFIX_BYTES) {
            return Optional.empty();
        }
        long micros = prefix.getLong();
        long sequence = prefix.getLong();
        int width = prefix.getInt();
        int height = prefix.getInt();
        if (width < 1 || height < 1 || width > 65535 || height > 65535) {
            return Optional.empty();
        }
        return Optional.of(new StoredFrame(offset, instant(micros), sequence, width, height, length - PREFIX_BYTES));
    }

    static Frame frame(StoredFrame stored, byte[] payload) {
        byte[] jpeg = new byte[payload.length - PREFIX_BYTES];
        System.arraycopy(payload, PREFIX_BYTES, jpeg, 0, jpeg.length);
        return new Frame(jpeg, stored.sequence(), stored.captureTime(), stored.width(), stored.height());
    }

    static long micros(Instant time) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, time);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}

package io.camstream.recording.store;

import io.camstream.recording.events.MotionEvent;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The payload of an event record: id, start, end (-1 while it goes on; times in microseconds since the epoch), peak
 * score (an IEEE double), peak time, then the thumbnail JPEG (possibly empty).
 *
 * @param event     the event as it was when written
 * @param thumbnail its picture, a small JPEG; empty for none
 */
record EventRecord(MotionEvent event, byte[] thumbnail) {

    private static final int PREFIX_BYTES = 40;
    private static final long OPEN = -1;

    ByteBuffer encode() {
        return ByteBuffer.allocate(PREFIX_BYTES + thumbnail.length)
                .putLong(event.id())
                .putLong(FrameRecord.micros(event.start()))
                .putLong(event.end().map(FrameRecord::micros).orElse(OPEN))
                .putDouble(event.peakScore())
                .putLong(FrameRecord.micros(event.peakTime()))
                .put(thumbnail)
                .flip();
    }

    static Optional<EventRecord> decode(byte[] payload) {
        if (payload.length < PREFIX_BYTES) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(payload);
        long id = in.getLong();
        long start = in.getLong();
        long end = in.getLong();
        double peak = in.getDouble();
        long peakTime = in.getLong();
        if (id < 1 || !(peak >= 0 && peak <= 1) || (end != OPEN && end < start)) {
            return Optional.empty();
        }
        byte[] thumbnail = new byte[in.remaining()];
        in.get(thumbnail);
        MotionEvent event = new MotionEvent(id, FrameRecord.instant(start),
                end == OPEN ? Optional.empty() : Optional.of(FrameRecord.instant(end)), peak,
                FrameRecord.instant(peakTime));
        return Optional.of(new EventRecord(event, thumbnail));
    }
}

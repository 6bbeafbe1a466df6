package io.camstream.recording.record;

import io.camstream.spi.Frame;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last seconds of a camera's frames, in memory, so that a motion recording can begin before the motion was
 * seen. Bounded by time and by bytes; adding a frame drops those that fell out, so each frame costs O(1) over its
 * life. Used by the capture's thread alone.
 */
final class PreCaptureRing {

    private final Duration span;
    private final long maxBytes;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long bytes;

    /**
     * @param span     how far back frames are kept, from the newest
     * @param maxBytes the most JPEG bytes kept; the oldest frames go first
     */
    PreCaptureRing(Duration span, long maxBytes) {
        this.span = span;
        this.maxBytes = maxBytes;
    }

    void add(Frame frame) {
        frames.addLast(frame);
        bytes += frame.size();
        Instant oldest = frame.captureTime().minus(span);
        while (!frames.isEmpty() && (bytes > maxBytes || frames.peekFirst().captureTime().isBefore(oldest))) {
            bytes -= frames.removeFirst().size();
        }
    }

    /**
     * The frames captured at or after a time, oldest first.
     *
     * @param from the earliest capture time wanted
     * @return the frames
     */
    List<Frame> from(Instant from) {
        List<Frame> taken = new ArrayList<>(frames.size());
        for (Frame frame : frames) {
            if (!frame.captureTime().isBefore(from)) {
                taken.add(frame);
            }
        }
        return taken;
    }

    long bytes() {
        return bytes;
    }
}

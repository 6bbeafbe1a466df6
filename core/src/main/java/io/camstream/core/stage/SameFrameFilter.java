package io.camstream.core.stage;

import io.camstream.core.fanout.FrameSink;
import io.camstream.spi.Frame;

import java.util.Arrays;

/**
 * Drops a camera frame byte-identical to the one before (a camera key, {@code drop-same-frames}, as µStreamer's
 * {@code --drop-same-frames}): viewers get nothing new to send, and their streams repeat the last frame once a second
 * as they do for a still camera, so browsers and proxies keep the stream. Comparing the bytes costs a few
 * microseconds per frame, less than hashing them, and cannot take two different frames for one.
 * <p>
 * The first frame after NO SIGNAL is always passed on, so that viewers see the camera back at once.
 */
public final class SameFrameFilter implements FrameSink {

    private final FrameSink next;
    private byte[] last;

    /**
     * Creates the filter.
     *
     * @param next takes the frames that changed
     */
    public SameFrameFilter(FrameSink next) {
        this.next = next;
    }

    @Override
    public void frame(Frame frame) {
        byte[] jpeg = frame.jpeg();
        if (last != null && Arrays.equals(last, jpeg)) {
            next.unchanged();
            return;
        }
        last = jpeg;
        next.frame(frame);
    }

    @Override
    public void unchanged() {
        next.unchanged();
    }

    @Override
    public void noSignal(String reason) {
        last = null;
        next.noSignal(reason);
    }
}

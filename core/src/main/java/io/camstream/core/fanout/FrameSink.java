package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * Where a capture hands what it has, on the capture's thread: camera frames, word that the camera sent its last
 * picture again, or word that there is no signal and why. The frame stages (turning, dropping repeated frames) are
 * sinks that hand their result to the next one; the last is the feed's publisher.
 */
public interface FrameSink {

    /**
     * Takes a camera frame.
     *
     * @param frame the frame, shared: its bytes are never changed
     */
    void frame(Frame frame);

    /** The camera delivered a frame identical to its last one, which is not shown again. */
    void unchanged();

    /**
     * The camera has no signal.
     *
     * @param reason why, as viewers see it
     */
    void noSignal(String reason);
}

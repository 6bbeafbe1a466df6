package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * Sees every camera frame as the capture publishes it, on the capture's own thread, before viewers are woken:
 * for work that must not miss a frame, such as a recorder's pre-capture ring. It must return at once and never
 * block (hand the frame to another thread, or drop it); NO SIGNAL pictures are not shown to it.
 */
@FunctionalInterface
public interface FrameTap {

    /**
     * Takes a frame.
     *
     * @param frame the camera's frame, shared: never change its bytes
     */
    void frame(Frame frame);
}

package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * A frame as a {@link FrameSlot} hands it out: numbered in the order of publishing, and marked as a camera picture
 * or a generated NO SIGNAL one. How it goes on the wire is the business of whoever writes it.
 *
 * @param serial grows with every frame published to one slot, live or not
 * @param frame  the frame
 * @param live   {@code true} for a camera picture, {@code false} for a NO SIGNAL picture
 */
public record StreamFrame(long serial, Frame frame, boolean live) {
}

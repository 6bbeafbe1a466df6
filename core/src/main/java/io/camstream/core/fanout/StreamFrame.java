package io.camstream.core.fanout;

import io.camstream.spi.Frame;

/**
 * A frame as it is handed to viewers: the frame, its multipart part assembled once for all of them, and whether
 * it came from the camera or is a generated "NO SIGNAL" picture.
 *
 * @param serial a number that grows with every frame published by one feed, live or not
 * @param frame  the frame
 * @param part   the frame's bytes on the wire; shared, never to be changed
 * @param live   {@code true} for a camera picture, {@code false} for a NO SIGNAL picture
 */
public record StreamFrame(long serial, Frame frame, byte[] part, boolean live) {
}

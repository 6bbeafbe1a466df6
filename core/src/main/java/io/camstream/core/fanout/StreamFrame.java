package io.camstream.core.fanout;

import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.Frame;

/**
 * A frame as it is handed to viewers: the frame, its multipart part assembled once for all of them, and whether
 * it came from the camera or is a generated "NO SIGNAL" picture. The part in the "advance headers" layout is
 * assembled when the first viewer asking for it takes the frame, and then shared the same way.
 */
public final class StreamFrame {

    private final long serial;
    private final Frame frame;
    private final byte[] part;
    private final boolean live;
    private volatile byte[] advancePart;

    /**
     * Creates a frame for viewers.
     *
     * @param serial a number that grows with every frame published by one feed, live or not
     * @param frame  the frame
     * @param part   the frame's bytes on the wire; shared, never to be changed
     * @param live   {@code true} for a camera picture, {@code false} for a NO SIGNAL picture
     */
    public StreamFrame(long serial, Frame frame, byte[] part, boolean live) {
        this.serial = serial;
        this.frame = frame;
        this.part = part;
        this.live = live;
    }

    /** @return a number that grows with every frame published by one feed, live or not */
    public long serial() {
        return serial;
    }

    /** @return the frame */
    public Frame frame() {
        return frame;
    }

    /** @return the frame's bytes on the wire in the standard layout; shared, never to be changed */
    public byte[] part() {
        return part;
    }

    /**
     * The frame's bytes on the wire in the layout of {@link MjpegFormat#advancePart(Frame)}.
     *
     * @return the bytes, assembled at most once per frame; shared, never to be changed
     */
    public byte[] advancePart() {
        byte[] bytes = advancePart;
        if (bytes == null) {
            synchronized (this) {
                bytes = advancePart;
                if (bytes == null) {
                    bytes = MjpegFormat.advancePart(frame);
                    advancePart = bytes;
                }
            }
        }
        return bytes;
    }

    /** @return {@code true} for a camera picture, {@code false} for a NO SIGNAL picture */
    public boolean live() {
        return live;
    }
}

package io.camstream.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured picture: a complete JPEG and what is known about it.
 * <p>
 * Frames are shared by every viewer of a camera, so the JPEG array must never be changed once the frame exists.
 *
 * @param jpeg        the JPEG bytes, from SOI to EOI
 * @param sequence    a number that grows by at least one per frame of the same capture
 * @param captureTime when the picture was taken (or received, when the source does not say)
 * @param width       width in pixels
 * @param height      height in pixels
 */
public record Frame(byte[] jpeg, long sequence, Instant captureTime, int width, int height) {

    /**
     * Checks the parts of a frame.
     *
     * @throws NullPointerException     when the JPEG or the time is missing
     * @throws IllegalArgumentException when the JPEG is empty or a dimension is not positive
     */
    public Frame {
        Objects.requireNonNull(jpeg, "jpeg");
        Objects.requireNonNull(captureTime, "captureTime");
        if (jpeg.length == 0) {
            throw new IllegalArgumentException("a frame needs JPEG bytes");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, was " + width + "x" + height);
        }
    }

    /**
     * Makes a frame from JPEG bytes, reading its size from the JPEG's own header.
     *
     * @param jpeg        a complete JPEG
     * @param sequence    the frame's sequence number
     * @param captureTime when it was taken
     * @return the frame
     * @throws IllegalArgumentException when the bytes are not a JPEG with a frame header
     */
    public static Frame of(byte[] jpeg, long sequence, Instant captureTime) {
        JpegSize size = JpegSize.read(jpeg);
        return new Frame(jpeg, sequence, captureTime, size.width(), size.height());
    }

    /**
     * The size of the JPEG in bytes.
     *
     * @return byte count
     */
    public int size() {
        return jpeg.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame other
                && sequence == other.sequence
                && width == other.width
                && height == other.height
                && captureTime.equals(other.captureTime)
                && java.util.Arrays.equals(jpeg, other.jpeg);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, captureTime, width, height, java.util.Arrays.hashCode(jpeg));
    }

    @Override
    public String toString() {
        return "Frame[#" + sequence + " " + width + "x" + height + " " + jpeg.length + " bytes at " + captureTime + "]";
    }
}

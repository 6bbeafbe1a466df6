package io.camstream.core.image;

import io.camstream.core.jpeg.ColourConversion;
import io.camstream.core.jpeg.PlanarEncoder;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Encodes opaque pictures (such as {@code TYPE_3BYTE_BGR} or {@code TYPE_INT_RGB}) as baseline JPEG at a fixed
 * quality. Colour pictures are coded with 4:2:0 chroma subsampling, so a minimum coded unit (MCU) is 16×16 pixels.
 * <p>
 * The encoder inside is camstream's own ({@link PlanarEncoder}): for a 1280×720 picture it costs less CPU than the
 * JDK's ImageIO writer (native libjpeg) and needs no native memory (docs/PERFORMANCE.md, "JPEG toolkit"). Close it
 * when done, as callers would if the choice changed.
 */
public final class JpegEncoder implements AutoCloseable {

    private final int quality;
    private final int restartInterval;

    /**
     * Creates an encoder.
     *
     * @param quality 1 (smallest) to 100 (best)
     * @throws IllegalArgumentException when the quality is out of range
     */
    public JpegEncoder(int quality) {
        this(quality, 0);
    }

    /**
     * Creates an encoder that puts a restart marker after every {@code restartInterval} MCUs. Each interval is
     * then coded independently of the others, so intervals of different encodings of the same size and quality
     * can be spliced together.
     *
     * @param quality         1 (smallest) to 100 (best)
     * @param restartInterval MCUs between restart markers, 0 for none, at most 65535
     * @throws IllegalArgumentException when a value is out of range
     */
    public JpegEncoder(int quality, int restartInterval) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, was " + quality);
        }
        if (restartInterval < 0 || restartInterval > 0xFFFF) {
            throw new IllegalArgumentException("restart interval must be 0 to 65535, was " + restartInterval);
        }
        this.quality = quality;
        this.restartInterval = restartInterval;
    }

    /**
     * Encodes a whole picture.
     *
     * @param image an opaque picture
     * @return a complete JPEG
     */
    public byte[] encode(BufferedImage image) {
        return encode(image, null);
    }

    /**
     * Encodes part of a picture, as if it were a picture of its own.
     *
     * @param image  an opaque picture
     * @param region the part to encode, or {@code null} for all of it
     * @return a complete JPEG of the region's size
     */
    public byte[] encode(BufferedImage image, Rectangle region) {
        return PlanarEncoder.encode(ColourConversion.toYCbCr420(image, region), quality, restartInterval);
    }

    /**
     * Releases what the encoder holds (nothing, with the encoder inside now). Calling it again does nothing.
     */
    @Override
    public void close() {
    }
}

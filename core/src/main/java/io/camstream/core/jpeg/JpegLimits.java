package io.camstream.core.jpeg;

/**
 * The largest picture a reader accepts, so that a hostile header cannot make it allocate without bound. The memory a
 * read takes is about 6 bytes per pixel at most (coefficients of three full-resolution components); besides, a
 * picture needs at least two bits of entropy-coded data per 8×8 block, so a short file cannot claim a large picture.
 *
 * @param maxWidth  the widest accepted, in pixels
 * @param maxHeight the tallest accepted, in pixels
 * @param maxPixels the most pixels accepted
 */
public record JpegLimits(int maxWidth, int maxHeight, long maxPixels) {

    /** 8192×8192 at most and 36 megapixels: above any camera camstream serves. */
    public static final JpegLimits DEFAULT = new JpegLimits(8192, 8192, 36_000_000);

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException when a limit is not positive
     */
    public JpegLimits {
        if (maxWidth < 1 || maxHeight < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("JPEG limits must be positive");
        }
    }

    void check(int width, int height) {
        if (width > maxWidth || height > maxHeight || (long) width * height > maxPixels) {
            throw new JpegException("picture of " + width + "x" + height + " is larger than the limit of "
                    + maxWidth + "x" + maxHeight + " and " + maxPixels + " pixels");
        }
    }
}

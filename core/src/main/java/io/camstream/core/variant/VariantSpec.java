package io.camstream.core.variant;

/**
 * A picture variant a viewer asks for: the camera's picture at a width of its ladder (the height follows the aspect
 * ratio) and a JPEG quality, encoded once per camera frame for all who ask for the same.
 *
 * @param width   the width in pixels, or {@link #FULL_WIDTH} for the picture's own width
 * @param quality the JPEG quality, 1 to 100
 */
public record VariantSpec(int width, int quality) {

    /** The width of a variant that only changes the quality. */
    public static final int FULL_WIDTH = 0;
    /**
     * The quality of a variant asked for by width alone: libjpeg's default, which keeps small pictures sharp at about
     * a tenth of the bytes of a camera's usual quality 90 at the same size.
     */
    public static final int DEFAULT_QUALITY = 75;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when the width is negative or the quality not 1 to 100
     */
    public VariantSpec {
        if (width < 0) {
            throw new IllegalArgumentException("width must not be negative, was " + width);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, was " + quality);
        }
    }

    /** @return {@code 320x q75}, or {@code full q50}, for names and messages */
    @Override
    public String toString() {
        return (width == FULL_WIDTH ? "full" : String.valueOf(width)) + " q" + quality;
    }
}

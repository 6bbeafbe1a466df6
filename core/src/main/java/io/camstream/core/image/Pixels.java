package io.camstream.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.lang.reflect.Array;

/**
 * Fills rectangles by writing raster data directly, so pictures are drawn without Java2D and its font machinery.
 */
public final class Pixels {

    private Pixels() {
    }

    /**
     * Fills a rectangle with one colour; the parts outside the image are left out.
     *
     * @param image  the picture to draw on, of any {@link BufferedImage} type
     * @param x      left edge
     * @param y      top edge
     * @param width  width in pixels
     * @param height height in pixels
     * @param rgb    the colour as {@code 0xRRGGBB}
     */
    public static void fillRect(BufferedImage image, int x, int y, int width, int height, int rgb) {
        int left = Math.max(x, 0);
        int top = Math.max(y, 0);
        int right = (int) Math.min((long) x + width, image.getWidth());
        int bottom = (int) Math.min((long) y + height, image.getHeight());
        if (left >= right || top >= bottom) {
            return;
        }
        int span = right - left;
        WritableRaster raster = image.getRaster();
        Object pixel = image.getColorModel().getDataElements(0xFF000000 | rgb, null);
        int elements = Array.getLength(pixel);
        Object row = raster.getDataElements(left, top, span, 1, null);
        for (int i = 0; i < span; i++) {
            System.arraycopy(pixel, 0, row, i * elements, elements);
        }
        for (int line = top; line < bottom; line++) {
            raster.setDataElements(left, line, span, 1, row);
        }
    }
}

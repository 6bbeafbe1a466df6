package io.camstream.core.image;

import java.awt.image.BufferedImage;

/**
 * A built-in 5×7 dot font drawn at a whole-number scale, so that generated pictures carry text without system
 * fonts: headless JREs on small boards often lack fontconfig, and Java2D text then fails.
 * <p>
 * Letters, digits, space and {@code .:-_/()[]<>%#,'!?+=} have glyphs; lower case is drawn as upper case and any
 * other character as a box. Each character takes 6 dots across (the glyph and a blank column), and text is placed
 * by its top left corner.
 *
 * @param scale the size in pixels of one dot, at least 1
 */
public record PixelFont(int scale) {

    /**
     * Checks the scale.
     *
     * @throws IllegalArgumentException when the scale is below 1
     */
    public PixelFont {
        if (scale < 1) {
            throw new IllegalArgumentException("font scale must be at least 1, was " + scale);
        }
    }

    /**
     * The width of a text, from the left edge of its first glyph to the right edge of its last.
     *
     * @param text the text
     * @return width in pixels, 0 for empty text
     */
    public int width(String text) {
        int characters = text.codePointCount(0, text.length());
        return characters == 0 ? 0 : (characters * Glyphs.ADVANCE - 1) * scale;
    }

    /**
     * The height of a line of text.
     *
     * @return height in pixels
     */
    public int height() {
        return Glyphs.HEIGHT * scale;
    }

    /**
     * How many characters fit in a width.
     *
     * @param width the room in pixels
     * @return the largest count whose {@link #width(String)} is not more than {@code width}
     */
    public int fittingCharacters(int width) {
        return Math.max(0, (width / scale + 1) / Glyphs.ADVANCE);
    }

    /**
     * Draws text; the parts outside the image are left out.
     *
     * @param image the picture
     * @param text  the text
     * @param x     left edge of the text
     * @param y     top edge of the text
     * @param rgb   the colour as {@code 0xRRGGBB}
     */
    public void draw(BufferedImage image, String text, int x, int y, int rgb) {
        forEachRun(text, x, y, (left, top, dots) -> Pixels.fillRect(image, left, top, dots * scale, scale, rgb));
    }

    /**
     * Draws text ringed by a one-dot outline, readable on any picture. The outline reaches one dot beyond the
     * text's box on every side.
     *
     * @param image      the picture
     * @param text       the text
     * @param x          left edge of the text
     * @param y          top edge of the text
     * @param rgb        the text colour as {@code 0xRRGGBB}
     * @param outlineRgb the outline colour
     */
    public void drawOutlined(BufferedImage image, String text, int x, int y, int rgb, int outlineRgb) {
        forEachRun(text, x, y, (left, top, dots) -> Pixels.fillRect(image, left - scale, top - scale,
                (dots + 2) * scale, 3 * scale, outlineRgb));
        draw(image, text, x, y, rgb);
    }

    /**
     * Draws text on a filled box that reaches one dot beyond the text on every side.
     *
     * @param image  the picture
     * @param text   the text
     * @param x      left edge of the text
     * @param y      top edge of the text
     * @param rgb    the text colour as {@code 0xRRGGBB}
     * @param boxRgb the box colour
     */
    public void drawBoxed(BufferedImage image, String text, int x, int y, int rgb, int boxRgb) {
        Pixels.fillRect(image, x - scale, y - scale, width(text) + 2 * scale, height() + 2 * scale, boxRgb);
        draw(image, text, x, y, rgb);
    }

    /** Calls the action for every horizontal run of lit dots, so a row of a glyph is filled in one call. */
    private void forEachRun(String text, int x, int y, RunAction action) {
        int left = x;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            int[] rows = Glyphs.of(codePoint);
            for (int r = 0; r < Glyphs.HEIGHT; r++) {
                int column = 0;
                while (column < Glyphs.WIDTH) {
                    int start = column;
                    while (column < Glyphs.WIDTH && Glyphs.isLit(rows[r], column)) {
                        column++;
                    }
                    if (column > start) {
                        action.run(left + start * scale, y + r * scale, column - start);
                    }
                    column++;
                }
            }
            left += Glyphs.ADVANCE * scale;
        }
    }

    @FunctionalInterface
    private interface RunAction {
        void run(int left, int top, int dots);
    }
}

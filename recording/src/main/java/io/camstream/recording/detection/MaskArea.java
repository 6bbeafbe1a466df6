package io.camstream.recording.detection;

/**
 * A rectangle of the picture that detection ignores, in fractions of the width and height from the top left, so
 * that it fits the picture at any size.
 *
 * @param x      left edge, 0 to 1
 * @param y      top edge, 0 to 1
 * @param width  0 to 1
 * @param height 0 to 1
 */
public record MaskArea(double x, double y, double width, double height) {

    /** @return whether a sample's centre, in a picture of the given size, lies inside */
    boolean covers(int column, int row, int pictureWidth, int pictureHeight) {
        double cx = (column + 0.5) / pictureWidth;
        double cy = (row + 0.5) / pictureHeight;
        return cx >= x && cx < x + width && cy >= y && cy < y + height;
    }
}

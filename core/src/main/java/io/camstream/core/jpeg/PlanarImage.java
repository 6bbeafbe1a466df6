package io.camstream.core.jpeg;

/**
 * A decoded picture as one plane per component, at each component's own resolution (chrominance planes of a 4:2:0
 * picture are half as wide and half as high), as JPEG codes it: no colour conversion, no chroma upsampling.
 * The frame gives the picture's size and each component's sampling factors; plane {@code c} is
 * {@code frame.componentWidth(c) × frame.componentHeight(c)}.
 *
 * @param frame       the size and sampling (the quantisation table numbers in it are not used)
 * @param colourSpace what the planes hold
 * @param planes      one plane per component of the frame
 */
public record PlanarImage(JpegFrame frame, ColourSpace colourSpace, Plane[] planes) {

    /**
     * Checks that the planes fit the frame.
     *
     * @throws IllegalArgumentException when they do not
     */
    public PlanarImage {
        if (planes.length != frame.components().size()) {
            throw new IllegalArgumentException(planes.length + " planes for " + frame.components().size()
                    + " components");
        }
        for (int c = 0; c < planes.length; c++) {
            if (planes[c].width() != frame.componentWidth(c) || planes[c].height() != frame.componentHeight(c)) {
                throw new IllegalArgumentException("plane " + c + " is " + planes[c].width() + "x"
                        + planes[c].height() + ", the frame needs " + frame.componentWidth(c) + "x"
                        + frame.componentHeight(c));
            }
        }
    }

    /** @return the width in pixels */
    public int width() {
        return frame.width();
    }

    /** @return the height in pixels */
    public int height() {
        return frame.height();
    }

    /** @return the luminance plane (the first; for RGB pictures, red) */
    public Plane luma() {
        return planes[0];
    }
}

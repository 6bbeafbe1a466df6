package io.camstream.core.jpeg;

/**
 * One component's samples, 8 bits each, row after row.
 *
 * @param samples the samples; row {@code y} starts at {@code y * stride}
 * @param width   samples per row
 * @param height  rows
 * @param stride  the distance between rows, at least the width
 */
public record Plane(byte[] samples, int width, int height, int stride) {

    /**
     * Checks the geometry.
     *
     * @throws IllegalArgumentException when the samples do not hold the rows
     */
    public Plane {
        if (width < 1 || height < 1 || stride < width || samples.length < (long) (height - 1) * stride + width) {
            throw new IllegalArgumentException("plane of " + width + "x" + height + " (stride " + stride + ") in "
                    + samples.length + " bytes");
        }
    }

    /**
     * A new plane with its own samples.
     *
     * @param width  samples per row
     * @param height rows
     * @return a plane of zeros
     */
    public static Plane of(int width, int height) {
        return new Plane(new byte[width * height], width, height, width);
    }

    /**
     * A sample.
     *
     * @param x column
     * @param y row
     * @return the sample, 0 to 255
     */
    public int get(int x, int y) {
        return samples[y * stride + x] & 0xFF;
    }
}

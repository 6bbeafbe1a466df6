package io.camstream.core.jpeg;

/**
 * Resizes planes to an exact size: each output sample is the average of the source area it covers when shrinking
 * (no aliasing, whatever the factor), and a linear blend of its two neighbours when growing. Separable, with 14-bit
 * integer weights.
 */
public final class Resampler {

    private static final int BITS = 14;

    private Resampler() {
    }

    /**
     * Resizes a picture to a width; the height follows the aspect ratio (at least 1).
     *
     * @param image the picture
     * @param width the new width
     * @return the resized picture, with the same sampling
     */
    public static PlanarImage toWidth(PlanarImage image, int width) {
        return toWidth(image, width, new FrameBuffers());
    }

    static PlanarImage toWidth(PlanarImage image, int width, FrameBuffers buffers) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, was " + width);
        }
        int height = Math.max(1, (int) Math.round((double) image.height() * width / image.width()));
        JpegFrame frame = new JpegFrame(width, height, image.frame().components());
        Plane[] planes = new Plane[image.planes().length];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = resize(image.planes()[c], frame.componentWidth(c), frame.componentHeight(c), buffers, c);
        }
        return new PlanarImage(frame, image.colourSpace(), planes);
    }

    /**
     * Resizes a plane.
     *
     * @param source the plane
     * @param width  the new width
     * @param height the new height
     * @return a new plane, or the source itself when the size is the same
     */
    public static Plane resize(Plane source, int width, int height) {
        return resize(source, width, height, new FrameBuffers(), 0);
    }

    private static Plane resize(Plane source, int width, int height, FrameBuffers buffers, int component) {
        if (width == source.width() && height == source.height()) {
            return source;
        }
        Weights horizontal = Weights.of(source.width(), width);
        Weights vertical = Weights.of(source.height(), height);
        int[] rows = buffers.sums(FrameBuffers.Use.RESIZED, component, width * source.height());
        byte[] in = source.samples();
        for (int y = 0; y < source.height(); y++) {
            int line = y * source.stride();
            for (int x = 0; x < width; x++) {
                int sum = 0;
                int first = horizontal.first[x];
                for (int k = 0; k < horizontal.count[x]; k++) {
                    sum += (in[line + first + k] & 0xFF) * horizontal.weight[horizontal.offset[x] + k];
                }
                rows[y * width + x] = sum;
            }
        }
        Plane out = new Plane(buffers.samples(FrameBuffers.Use.RESIZED, component, width * height), width, height,
                width);
        byte[] samples = out.samples();
        long round = 1L << (2 * BITS - 1);
        for (int y = 0; y < height; y++) {
            int first = vertical.first[y];
            for (int x = 0; x < width; x++) {
                long sum = 0;
                for (int k = 0; k < vertical.count[y]; k++) {
                    sum += (long) rows[(first + k) * width + x] * vertical.weight[vertical.offset[y] + k];
                }
                samples[y * width + x] = (byte) Math.clamp((sum + round) >> (2 * BITS), 0, 255);
            }
        }
        return out;
    }

    /** For every output sample, the source samples it draws on and their weights (summing to 2^14). */
    private record Weights(int[] first, int[] count, int[] offset, int[] weight) {

        static Weights of(int from, int to) {
            int[] first = new int[to];
            int[] count = new int[to];
            int[] offset = new int[to];
            int per = to < from ? (int) Math.ceil((double) from / to) + 1 : 2;
            int[] weight = new int[to * per];
            double ratio = (double) from / to;
            double[] w = new double[per];
            for (int i = 0; i < to; i++) {
                int start;
                int n;
                if (to < from) {
                    double left = i * ratio;
                    double right = left + ratio;
                    start = (int) left;
                    int end = Math.min(from, (int) Math.ceil(right));
                    n = end - start;
                    for (int k = 0; k < n; k++) {
                        w[k] = Math.min(right, start + k + 1) - Math.max(left, start + k);
                    }
                } else {
                    double centre = Math.max(0, (i + 0.5) * ratio - 0.5);
                    start = Math.min((int) centre, from - 1);
                    double fraction = centre - start;
                    n = start + 1 < from ? 2 : 1;
                    w[0] = n == 2 ? 1 - fraction : 1;
                    w[1] = fraction;
                }
                first[i] = start;
                count[i] = n;
                offset[i] = i * per;
                double total = 0;
                for (int k = 0; k < n; k++) {
                    total += w[k];
                }
                int assigned = 0;
                for (int k = 0; k < n; k++) {
                    int fixed = k == n - 1 ? (1 << BITS) - assigned : (int) Math.round(w[k] / total * (1 << BITS));
                    weight[i * per + k] = fixed;
                    assigned += fixed;
                }
            }
            return new Weights(first, count, offset, weight);
        }
    }
}

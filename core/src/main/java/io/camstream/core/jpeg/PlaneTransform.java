package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

/** Turns and mirrors a plane of samples, for pictures that cannot be turned in the DCT domain. */
final class PlaneTransform {

    private PlaneTransform() {
    }

    static Plane apply(Plane source, Orientation orientation) {
        int width = orientation.transposes() ? source.height() : source.width();
        int height = orientation.transposes() ? source.width() : source.height();
        long origin = orientation.sourceOf(0, 0, source.width(), source.height());
        long right = orientation.sourceOf(Math.min(1, width - 1), 0, source.width(), source.height());
        long down = orientation.sourceOf(0, Math.min(1, height - 1), source.width(), source.height());
        int start = index(origin, source);
        // The source moves by a fixed step for each output column and each output row.
        int stepX = width > 1 ? index(right, source) - start : 0;
        int stepY = height > 1 ? index(down, source) - start : 0;
        Plane out = Plane.of(width, height);
        byte[] in = source.samples();
        byte[] samples = out.samples();
        for (int y = 0; y < height; y++) {
            int from = start + y * stepY;
            int to = y * width;
            for (int x = 0; x < width; x++, from += stepX) {
                samples[to + x] = in[from];
            }
        }
        return out;
    }

    private static int index(long position, Plane plane) {
        return (int) position * plane.stride() + (int) (position >>> 32);
    }
}

package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

/**
 * How to read one component's stored blocks as a turned picture shows them: where the block at a turned position
 * starts in the stored plane, and for each coefficient in zig-zag order, which stored coefficient it is and its sign.
 * Block positions are affine in the turned position, so the first block and two steps describe them all.
 *
 * @param origin where the turned picture's first block starts
 * @param stepX  the change of that start for one block to the right
 * @param stepY  the change for one block down
 * @param source for each zig-zag index, the natural index of the stored coefficient
 * @param sign   for each zig-zag index, 1 or -1
 * @param zigZag for each stored natural index, the zig-zag index it has in the turned block
 */
record BlockMap(int origin, int stepX, int stepY, int[] source, int[] sign, int[] zigZag) {

    int base(int blockX, int blockY) {
        return origin + blockX * stepX + blockY * stepY;
    }

    static BlockMap of(JpegFrame stored, int component, Orientation orientation) {
        boolean grey = stored.components().size() == 1;
        int wide = grey ? Math.ceilDiv(stored.width(), 8) : stored.blocksWide(component);
        int high = grey ? Math.ceilDiv(stored.height(), 8) : stored.blocksHigh(component);
        int stride = stored.blocksWide(component);
        int origin = index(orientation.sourceOf(0, 0, wide, high), stride);
        int stepX = index(orientation.sourceOf(1, 0, wide, high), stride) - origin;
        int stepY = index(orientation.sourceOf(0, 1, wide, high), stride) - origin;
        int[] source = new int[64];
        int[] sign = new int[64];
        int[] zigZag = new int[64];
        for (int k = 0; k < 64; k++) {
            int natural = ZigZag.NATURAL[k];
            int row = natural / 8;
            int col = natural % 8;
            source[k] = orientation.transposes() ? col * 8 + row : natural;
            // Mirroring an axis negates the odd frequencies along it.
            boolean negate = (orientation.mirrorsX() && col % 2 == 1) ^ (orientation.mirrorsY() && row % 2 == 1);
            sign[k] = negate ? -1 : 1;
            zigZag[source[k]] = k;
        }
        return new BlockMap(origin * 64, stepX * 64, stepY * 64, source, sign, zigZag);
    }

    private static int index(long position, int stride) {
        return (int) position * stride + (int) (position >>> 32);
    }
}

package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

/**
 * How to read one component's stored blocks as a turned picture shows them: where the block at a turned position
 * starts in the stored plane, and for each coefficient in zig-zag order, which stored coefficient it is and its sign.
 * Block positions are affine in the turned position, so the first block and two steps describe them all; positions
 * past the blocks that hold samples (the padding up to whole MCUs) repeat the last block.
 *
 * @param origin where the turned picture's first block starts
 * @param stepX  the change of that start for one block to the right
 * @param stepY  the change for one block down
 * @param wide   blocks across that hold samples, in the turned picture
 * @param high   blocks down that hold samples
 * @param source for each zig-zag index, the natural index of the stored coefficient
 * @param sign   for each zig-zag index, 1 or -1
 * @param zigZag moves a mask of the stored block's non-zero coefficients (natural order) to the turned block's
 *               zig-zag order
 */
record BlockMap(int origin, int stepX, int stepY, int wide, int high, int[] source, int[] sign, BitPermutation zigZag) {

    /** Natural index to zig-zag index, unturned and transposed: the same for every picture, so made once. */
    private static final BitPermutation PLAIN = zigZagOf(false);
    private static final BitPermutation TRANSPOSED = zigZagOf(true);

    int base(int blockX, int blockY) {
        return origin + Math.min(blockX, wide - 1) * stepX + Math.min(blockY, high - 1) * stepY;
    }

    static BlockMap of(CoefficientImage.Layout layout) {
        Orientation orientation = layout.orientation();
        int wide = layout.wide();
        int high = layout.high();
        int origin = index(orientation.sourceOf(0, 0, wide, high), layout.stride());
        int stepX = index(orientation.sourceOf(1, 0, wide, high), layout.stride()) - origin;
        int stepY = index(orientation.sourceOf(0, 1, wide, high), layout.stride()) - origin;
        int[] source = new int[64];
        int[] sign = new int[64];
        for (int k = 0; k < 64; k++) {
            int natural = ZigZag.NATURAL[k];
            int row = natural / 8;
            int col = natural % 8;
            source[k] = orientation.transposes() ? transposed(natural) : natural;
            // Mirroring an axis negates the odd frequencies along it.
            boolean negate = (orientation.mirrorsX() && col % 2 == 1) ^ (orientation.mirrorsY() && row % 2 == 1);
            sign[k] = negate ? -1 : 1;
        }
        boolean swap = orientation.transposes();
        return new BlockMap(origin * 64, stepX * 64, stepY * 64, swap ? high : wide, swap ? wide : high,
                source, sign, swap ? TRANSPOSED : PLAIN);
    }

    private static BitPermutation zigZagOf(boolean transposed) {
        int[] target = new int[64];
        for (int k = 0; k < 64; k++) {
            int natural = ZigZag.NATURAL[k];
            target[transposed ? transposed(natural) : natural] = k;
        }
        return new BitPermutation(target);
    }

    /** The natural index of a coefficient once its block is transposed: row and column frequencies swap. */
    static int transposed(int natural) {
        return natural % 8 * 8 + natural / 8;
    }

    private static int index(long position, int stride) {
        return (int) position * stride + (int) (position >>> 32);
    }
}

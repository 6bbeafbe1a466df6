package io.camstream.core.jpeg;

/**
 * How much smaller than the picture a decode is made, straight from the coefficients: each 8×8 block becomes 8, 4,
 * 2 or 1 samples a side. An eighth costs only the entropy decoding (the DC term is the block's mean).
 */
public enum Scale {
    /** Full size. */
    FULL(8),
    /** Half the width and height. */
    HALF(4),
    /** A quarter. */
    QUARTER(2),
    /** An eighth: one sample per block. */
    EIGHTH(1);

    private final int blockSize;

    Scale(int blockSize) {
        this.blockSize = blockSize;
    }

    /** @return samples per block side */
    public int blockSize() {
        return blockSize;
    }

    /**
     * The smallest scale whose result is still at least as wide as wanted, so that resizing to the width only ever
     * shrinks a little.
     *
     * @param sourceWidth the picture's width
     * @param width       the width wanted
     * @return the scale
     */
    public static Scale atLeast(int sourceWidth, int width) {
        for (Scale scale : new Scale[]{EIGHTH, QUARTER, HALF}) {
            if (Math.ceilDiv(sourceWidth * scale.blockSize, 8) >= width) {
                return scale;
            }
        }
        return FULL;
    }
}

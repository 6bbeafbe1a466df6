package io.camstream.core.jpeg;

/**
 * Forward DCT and quantisation of 8×8 blocks of samples (T.81 A.3.3), with an integer separable transform (the
 * even/odd decomposition, 13-bit constants) and quantisation by multiplying with reciprocals. Samples beyond the
 * edge of the plane repeat the last column or row, which codes the padding cheaply.
 * <p>
 * Not thread-safe: it keeps a work area.
 */
final class Fdct {

    private static final int BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int C1 = fix(Math.cos(Math.PI / 16));
    private static final int C2 = fix(Math.cos(2 * Math.PI / 16));
    private static final int C3 = fix(Math.cos(3 * Math.PI / 16));
    private static final int C4 = fix(Math.cos(4 * Math.PI / 16));
    private static final int C5 = fix(Math.cos(5 * Math.PI / 16));
    private static final int C6 = fix(Math.cos(6 * Math.PI / 16));
    private static final int C7 = fix(Math.cos(7 * Math.PI / 16));
    private static final int RECIPROCAL_BITS = 16;

    private final int[] work = new int[64];

    /** Reciprocals of a quantisation table, for {@link #block}. */
    static int[] reciprocals(int[] quant) {
        int[] reciprocals = new int[64];
        for (int i = 0; i < 64; i++) {
            reciprocals[i] = Math.round((1 << RECIPROCAL_BITS) / (float) quant[i]);
        }
        return reciprocals;
    }

    /**
     * Transforms and quantises the block whose top-left sample is at {@code (x, y)} of the plane.
     *
     * @param plane       the samples
     * @param x           the block's left column
     * @param y           the block's top row
     * @param reciprocals from {@link #reciprocals(int[])}
     * @param out         receives 64 quantised coefficients in natural order
     * @param at          where the block starts in {@code out}
     * @return bit {@code i} set where coefficient {@code i} is not zero
     */
    long block(Plane plane, int x, int y, int[] reciprocals, short[] out, int at) {
        int[] w = work;
        byte[] samples = plane.samples();
        int lastX = plane.width() - 1;
        int lastY = plane.height() - 1;
        for (int row = 0; row < 8; row++) {
            int line = Math.min(y + row, lastY) * plane.stride();
            int r = row * 8;
            if (x + 7 <= lastX) {
                for (int col = 0; col < 8; col++) {
                    w[r + col] = (samples[line + x + col] & 0xFF) - 128;
                }
            } else {
                for (int col = 0; col < 8; col++) {
                    w[r + col] = (samples[line + Math.min(x + col, lastX)] & 0xFF) - 128;
                }
            }
        }
        for (int row = 0; row < 8; row++) {
            oneDimension(w, row * 8, 1, BITS - PASS1_BITS + 1);
        }
        for (int col = 0; col < 8; col++) {
            oneDimension(w, col, 8, BITS + PASS1_BITS + 1);
        }
        long nonZero = 0;
        for (int i = 0; i < 64; i++) {
            int value = w[i];
            int sign = value >> 31;
            int magnitude = (value ^ sign) - sign;
            int q = Math.min(1023, (magnitude * reciprocals[i] + (1 << (RECIPROCAL_BITS - 1))) >> RECIPROCAL_BITS);
            out[at + i] = (short) ((q ^ sign) - sign);
            nonZero |= (q != 0 ? 1L : 0L) << i;
        }
        return nonZero;
    }

    /** The 8-point DCT with a factor 1/2, in place, results descaled by {@code shift} bits. */
    private static void oneDimension(int[] w, int at, int step, int shift) {
        int f0 = w[at];
        int f1 = w[at + step];
        int f2 = w[at + 2 * step];
        int f3 = w[at + 3 * step];
        int f4 = w[at + 4 * step];
        int f5 = w[at + 5 * step];
        int f6 = w[at + 6 * step];
        int f7 = w[at + 7 * step];
        int s0 = f0 + f7;
        int s1 = f1 + f6;
        int s2 = f2 + f5;
        int s3 = f3 + f4;
        int d0 = f0 - f7;
        int d1 = f1 - f6;
        int d2 = f2 - f5;
        int d3 = f3 - f4;
        int round = 1 << (shift - 1);
        w[at] = ((s0 + s1 + s2 + s3) * C4 + round) >> shift;
        w[at + 4 * step] = ((s0 - s1 - s2 + s3) * C4 + round) >> shift;
        w[at + 2 * step] = ((s0 - s3) * C2 + (s1 - s2) * C6 + round) >> shift;
        w[at + 6 * step] = ((s0 - s3) * C6 - (s1 - s2) * C2 + round) >> shift;
        w[at + step] = (d0 * C1 + d1 * C3 + d2 * C5 + d3 * C7 + round) >> shift;
        w[at + 3 * step] = (d0 * C3 - d1 * C7 - d2 * C1 - d3 * C5 + round) >> shift;
        w[at + 5 * step] = (d0 * C5 - d1 * C1 + d2 * C7 + d3 * C3 + round) >> shift;
        w[at + 7 * step] = (d0 * C7 - d1 * C5 + d2 * C3 - d3 * C1 + round) >> shift;
    }

    private static int fix(double value) {
        return (int) Math.round(value * (1 << BITS));
    }
}

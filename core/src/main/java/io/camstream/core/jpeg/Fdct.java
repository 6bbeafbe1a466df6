package io.camstream.core.jpeg;

/**
 * Forward DCT and quantisation of 8×8 blocks of samples (T.81 A.3.3) with the Arai–Agui–Nakajima factorisation in
 * integers: 5 multiplications (12-bit constants) per 8 samples, the scale it leaves folded into the quantisers'
 * reciprocals. Samples beyond the edge of the plane repeat the last column or row, which codes the padding cheaply.
 * <p>
 * Not thread-safe: it keeps a work area.
 */
final class Fdct {

    private static final int BITS = 12;
    private static final int R2 = fix(0.707106781);      // cos(4π/16)
    private static final int C6 = fix(0.382683433);      // cos(6π/16)
    private static final int C2_C6 = fix(0.541196100);   // cos(2π/16) − cos(6π/16)
    private static final int C2_P_C6 = fix(1.306562965); // cos(2π/16) + cos(6π/16)
    private static final int RECIPROCAL_BITS = 18;

    private final int[] work = new int[64];

    /**
     * The factors {@link #block} multiplies by, scaled by 2^18: for each coefficient 1 / (quantiser · 8 · s(u) ·
     * s(v)), where {@code s(0) = 1} and {@code s(k) = √2 cos(kπ/16)} undo the scale the factorisation leaves.
     */
    static int[] reciprocals(int[] quant) {
        double[] scale = new double[8];
        scale[0] = 1;
        for (int k = 1; k < 8; k++) {
            scale[k] = Math.sqrt(2) * Math.cos(k * Math.PI / 16);
        }
        int[] reciprocals = new int[64];
        for (int i = 0; i < 64; i++) {
            reciprocals[i] = (int) Math.round((1 << RECIPROCAL_BITS) / (quant[i] * 8 * scale[i / 8] * scale[i % 8]));
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
        byte[] in = plane.samples();
        int lastX = plane.width() - 1;
        int lastY = plane.height() - 1;
        boolean inside = x + 7 <= lastX;
        for (int row = 0; row < 8; row++) {
            int line = Math.min(y + row, lastY) * plane.stride();
            if (inside) {
                int p = line + x;
                transform((in[p] & 0xFF) - 128, (in[p + 1] & 0xFF) - 128, (in[p + 2] & 0xFF) - 128,
                        (in[p + 3] & 0xFF) - 128, (in[p + 4] & 0xFF) - 128, (in[p + 5] & 0xFF) - 128,
                        (in[p + 6] & 0xFF) - 128, (in[p + 7] & 0xFF) - 128, w, row * 8, 1);
            } else {
                transform(edge(in, line, x, lastX), edge(in, line, x + 1, lastX), edge(in, line, x + 2, lastX),
                        edge(in, line, x + 3, lastX), edge(in, line, x + 4, lastX), edge(in, line, x + 5, lastX),
                        edge(in, line, x + 6, lastX), edge(in, line, x + 7, lastX), w, row * 8, 1);
            }
        }
        for (int c = 0; c < 8; c++) {
            transform(w[c], w[c + 8], w[c + 16], w[c + 24], w[c + 32], w[c + 40], w[c + 48], w[c + 56], w, c, 8);
        }
        long nonZero = 0;
        int half = 1 << (RECIPROCAL_BITS - 1);
        for (int i = 0; i < 64; i++) {
            int value = w[i];
            int sign = value >> 31;
            int q = Math.min(1023, (((value ^ sign) - sign) * reciprocals[i] + half) >> RECIPROCAL_BITS);
            out[at + i] = (short) ((q ^ sign) - sign);
            nonZero |= (q != 0 ? 1L : 0L) << i;
        }
        return nonZero;
    }

    private static int edge(byte[] in, int line, int x, int lastX) {
        return (in[line + Math.min(x, lastX)] & 0xFF) - 128;
    }

    /** One 8-point pass; results stored every {@code step} from {@code at}, scaled as {@link #reciprocals} undoes. */
    private static void transform(int d0, int d1, int d2, int d3, int d4, int d5, int d6, int d7,
                                  int[] w, int at, int step) {
        int t0 = d0 + d7;
        int t7 = d0 - d7;
        int t1 = d1 + d6;
        int t6 = d1 - d6;
        int t2 = d2 + d5;
        int t5 = d2 - d5;
        int t3 = d3 + d4;
        int t4 = d3 - d4;

        int e10 = t0 + t3;
        int e13 = t0 - t3;
        int e11 = t1 + t2;
        int e12 = t1 - t2;
        w[at] = e10 + e11;
        w[at + 4 * step] = e10 - e11;
        int z1 = multiply(e12 + e13, R2);
        w[at + 2 * step] = e13 + z1;
        w[at + 6 * step] = e13 - z1;

        int o10 = t4 + t5;
        int o11 = t5 + t6;
        int o12 = t6 + t7;
        int z5 = multiply(o10 - o12, C6);
        int z2 = multiply(o10, C2_C6) + z5;
        int z4 = multiply(o12, C2_P_C6) + z5;
        int z3 = multiply(o11, R2);
        int z11 = t7 + z3;
        int z13 = t7 - z3;
        w[at + 5 * step] = z13 + z2;
        w[at + 3 * step] = z13 - z2;
        w[at + step] = z11 + z4;
        w[at + 7 * step] = z11 - z4;
    }

    private static int multiply(int value, int constant) {
        return (value * constant + (1 << (BITS - 1))) >> BITS;
    }

    private static int fix(double value) {
        return (int) Math.round(value * (1 << BITS));
    }
}

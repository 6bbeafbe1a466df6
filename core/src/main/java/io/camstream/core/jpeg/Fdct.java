package io.camstream.core.jpeg;

/**
 * Forward DCT and quantisation of 8×8 blocks of samples (T.81 A.3.3) with the Arai–Agui–Nakajima factorisation: 5
 * multiplications per 8 samples, its output scale folded into the quantisers, in single-precision floating point.
 * Samples beyond the edge of the plane repeat the last column or row, which codes the padding cheaply.
 * <p>
 * Not thread-safe: it keeps a work area.
 */
final class Fdct {

    private static final float R2 = 0.707106781f;      // cos(4π/16)
    private static final float C6 = 0.382683433f;      // cos(6π/16)
    private static final float C2_C6 = 0.541196100f;   // cos(2π/16) − cos(6π/16)
    private static final float C2_P_C6 = 1.306562965f; // cos(2π/16) + cos(6π/16)

    private final float[] work = new float[64];
    private final int[] samples = new int[64];

    /**
     * The factors {@link #block} multiplies by: for each coefficient, 1 / (quantiser · 8 · s(u) · s(v)), where
     * {@code s(0) = 1} and {@code s(k) = √2 cos(kπ/16)} undo the scale the factorisation leaves.
     */
    static float[] reciprocals(int[] quant) {
        double[] scale = new double[8];
        scale[0] = 1;
        for (int k = 1; k < 8; k++) {
            scale[k] = Math.sqrt(2) * Math.cos(k * Math.PI / 16);
        }
        float[] reciprocals = new float[64];
        for (int i = 0; i < 64; i++) {
            reciprocals[i] = (float) (1 / (quant[i] * 8 * scale[i / 8] * scale[i % 8]));
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
    long block(Plane plane, int x, int y, float[] reciprocals, short[] out, int at) {
        gather(plane, x, y);
        int[] s = samples;
        float[] w = work;
        for (int r = 0; r < 64; r += 8) {
            transform(s[r] - 128, s[r + 1] - 128, s[r + 2] - 128, s[r + 3] - 128, s[r + 4] - 128, s[r + 5] - 128,
                    s[r + 6] - 128, s[r + 7] - 128, w, r, 1);
        }
        for (int c = 0; c < 8; c++) {
            transform(w[c], w[c + 8], w[c + 16], w[c + 24], w[c + 32], w[c + 40], w[c + 48], w[c + 56], w, c, 8);
        }
        long nonZero = 0;
        for (int i = 0; i < 64; i++) {
            int q = Math.clamp(Math.round(w[i] * reciprocals[i]), -1023, 1023);
            out[at + i] = (short) q;
            nonZero |= (q != 0 ? 1L : 0L) << i;
        }
        return nonZero;
    }

    private void gather(Plane plane, int x, int y) {
        byte[] in = plane.samples();
        int lastX = plane.width() - 1;
        int lastY = plane.height() - 1;
        for (int row = 0; row < 8; row++) {
            int line = Math.min(y + row, lastY) * plane.stride();
            if (x + 7 <= lastX) {
                for (int col = 0; col < 8; col++) {
                    samples[row * 8 + col] = in[line + x + col] & 0xFF;
                }
            } else {
                for (int col = 0; col < 8; col++) {
                    samples[row * 8 + col] = in[line + Math.min(x + col, lastX)] & 0xFF;
                }
            }
        }
    }

    /** One 8-point pass; results stored every {@code step} from {@code at}, scaled as {@link #reciprocals} undoes. */
    private static void transform(float d0, float d1, float d2, float d3, float d4, float d5, float d6, float d7,
                                  float[] w, int at, int step) {
        float t0 = d0 + d7;
        float t7 = d0 - d7;
        float t1 = d1 + d6;
        float t6 = d1 - d6;
        float t2 = d2 + d5;
        float t5 = d2 - d5;
        float t3 = d3 + d4;
        float t4 = d3 - d4;

        float e10 = t0 + t3;
        float e13 = t0 - t3;
        float e11 = t1 + t2;
        float e12 = t1 - t2;
        w[at] = e10 + e11;
        w[at + 4 * step] = e10 - e11;
        float z1 = (e12 + e13) * R2;
        w[at + 2 * step] = e13 + z1;
        w[at + 6 * step] = e13 - z1;

        float o10 = t4 + t5;
        float o11 = t5 + t6;
        float o12 = t6 + t7;
        float z5 = (o10 - o12) * C6;
        float z2 = C2_C6 * o10 + z5;
        float z4 = C2_P_C6 * o12 + z5;
        float z3 = o11 * R2;
        float z11 = t7 + z3;
        float z13 = t7 - z3;
        w[at + 5 * step] = z13 + z2;
        w[at + 3 * step] = z13 - z2;
        w[at + step] = z11 + z4;
        w[at + 7 * step] = z11 - z4;
    }
}

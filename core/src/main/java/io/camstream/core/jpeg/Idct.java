package io.camstream.core.jpeg;

/**
 * Inverse DCT of a block into pixels, at full size or reduced: 8×8 pixels from the whole block with an integer
 * separable transform (even/odd decomposition, 13-bit constants), or 4×4, 2×2 or 1×1 pixels from its lowest
 * frequencies only. The reduced outputs are the {@code N}-point inverse DCT of the block's top-left {@code N×N}
 * coefficients, which is what the 8×8 result averaged over {@code 8/N × 8/N} pixels would give for a smooth block,
 * at a fraction of the work (the idea behind libjpeg's scaled decoding).
 * <p>
 * Not thread-safe: it keeps a work area.
 */
final class Idct {

    private static final int BITS = 13;
    private static final int PASS1_BITS = 2;
    private static final int C1 = fix(Math.cos(Math.PI / 16));
    private static final int C2 = fix(Math.cos(2 * Math.PI / 16));
    private static final int C3 = fix(Math.cos(3 * Math.PI / 16));
    private static final int C4 = fix(Math.cos(4 * Math.PI / 16));
    private static final int C5 = fix(Math.cos(5 * Math.PI / 16));
    private static final int C6 = fix(Math.cos(6 * Math.PI / 16));
    private static final int C7 = fix(Math.cos(7 * Math.PI / 16));
    /** For the reduced sizes: {@code M[n][x * n + u] = C(u)/2 · cos((2x+1)uπ / 2n)}, scaled by 2^13. */
    private static final int[][] REDUCED = {null, null, reduced(2), null, reduced(4)};

    private final int[] work = new int[64];
    private final int[] rowOut = new int[8];

    /**
     * Dequantises and transforms one block.
     *
     * @param coef   quantised coefficients in natural order
     * @param quant  the quantisers in natural order
     * @param nonZero bit {@code i} set where coefficient {@code i} may be non-zero
     * @param size   pixels per side of the output: 8, 4, 2 or 1
     * @param out    where the pixels go
     * @param offset the index of the top-left pixel in {@code out}
     * @param stride the distance between rows in {@code out}
     */
    void block(short[] coef, int[] quant, long nonZero, int size, byte[] out, int offset, int stride) {
        if ((nonZero & ~1L) == 0 || size == 1) {
            int dc = coef[0] * quant[0];
            int value = clamp(128 + ((dc + (dc >= 0 ? 4 : -4)) / 8));
            byte b = (byte) value;
            for (int y = 0; y < size; y++) {
                int row = offset + y * stride;
                for (int x = 0; x < size; x++) {
                    out[row + x] = b;
                }
            }
            return;
        }
        if (size == 8) {
            full(coef, quant, out, offset, stride);
        } else {
            reduced(coef, quant, size, out, offset, stride);
        }
    }

    private void full(short[] coef, int[] quant, byte[] out, int offset, int stride) {
        int[] w = work;
        for (int col = 0; col < 8; col++) {
            if (coef[8 + col] == 0 && coef[16 + col] == 0 && coef[24 + col] == 0 && coef[32 + col] == 0
                    && coef[40 + col] == 0 && coef[48 + col] == 0 && coef[56 + col] == 0) {
                int shift = BITS - PASS1_BITS + 1;
                int dc = (coef[col] * quant[col] * C4 + (1 << (shift - 1))) >> shift;
                for (int row = 0; row < 8; row++) {
                    w[row * 8 + col] = dc;
                }
                continue;
            }
            oneDimension(coef[col] * quant[col], coef[8 + col] * quant[8 + col], coef[16 + col] * quant[16 + col],
                    coef[24 + col] * quant[24 + col], coef[32 + col] * quant[32 + col],
                    coef[40 + col] * quant[40 + col], coef[48 + col] * quant[48 + col],
                    coef[56 + col] * quant[56 + col], w, col, 8, BITS - PASS1_BITS + 1, 0);
        }
        for (int row = 0; row < 8; row++) {
            int r = row * 8;
            oneDimensionToPixels(w[r], w[r + 1], w[r + 2], w[r + 3], w[r + 4], w[r + 5], w[r + 6], w[r + 7],
                    out, offset + row * stride);
        }
    }

    /** The 8-point inverse DCT with a factor 1/2; results descaled by {@code shift} bits, stored every {@code step}. */
    private static void oneDimension(int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7,
                                     int[] dst, int at, int step, int shift, int bias) {
        int e0 = (x0 + x4) * C4;
        int e1 = (x0 - x4) * C4;
        int t2 = x2 * C2 + x6 * C6;
        int t3 = x2 * C6 - x6 * C2;
        int a0 = e0 + t2;
        int a3 = e0 - t2;
        int a1 = e1 + t3;
        int a2 = e1 - t3;
        int b0 = x1 * C1 + x3 * C3 + x5 * C5 + x7 * C7;
        int b1 = x1 * C3 - x3 * C7 - x5 * C1 - x7 * C5;
        int b2 = x1 * C5 - x3 * C1 + x5 * C7 + x7 * C3;
        int b3 = x1 * C7 - x3 * C5 + x5 * C3 - x7 * C1;
        int round = (1 << (shift - 1)) + bias;
        dst[at] = (a0 + b0 + round) >> shift;
        dst[at + 7 * step] = (a0 - b0 + round) >> shift;
        dst[at + step] = (a1 + b1 + round) >> shift;
        dst[at + 6 * step] = (a1 - b1 + round) >> shift;
        dst[at + 2 * step] = (a2 + b2 + round) >> shift;
        dst[at + 5 * step] = (a2 - b2 + round) >> shift;
        dst[at + 3 * step] = (a3 + b3 + round) >> shift;
        dst[at + 4 * step] = (a3 - b3 + round) >> shift;
    }

    private void oneDimensionToPixels(int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7,
                                      byte[] out, int at) {
        int[] w = rowOut;
        oneDimension(x0, x1, x2, x3, x4, x5, x6, x7, w, 0, 1, BITS + PASS1_BITS + 1, 128 << (BITS + PASS1_BITS + 1));
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) clamp(w[i]);
        }
    }

    private void reduced(short[] coef, int[] quant, int n, byte[] out, int offset, int stride) {
        int[] m = REDUCED[n];
        int[] w = work;
        for (int col = 0; col < n; col++) {
            for (int x = 0; x < n; x++) {
                int sum = 0;
                for (int u = 0; u < n; u++) {
                    sum += m[x * n + u] * coef[u * 8 + col] * quant[u * 8 + col];
                }
                w[x * 8 + col] = (sum + (1 << (BITS - PASS1_BITS - 1))) >> (BITS - PASS1_BITS);
            }
        }
        int shift = BITS + PASS1_BITS;
        for (int row = 0; row < n; row++) {
            for (int x = 0; x < n; x++) {
                int sum = 0;
                for (int u = 0; u < n; u++) {
                    sum += m[x * n + u] * w[row * 8 + u];
                }
                out[offset + row * stride + x] = (byte) clamp(128 + ((sum + (1 << (shift - 1))) >> shift));
            }
        }
    }

    private static int[] reduced(int n) {
        int[] m = new int[n * n];
        for (int x = 0; x < n; x++) {
            for (int u = 0; u < n; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1;
                m[x * n + u] = fix(c / 2 * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
            }
        }
        return m;
    }

    private static int fix(double value) {
        return (int) Math.round(value * (1 << BITS));
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}

package io.camstream.core.jpeg;

import java.util.Arrays;

/**
 * Turns a picture's coefficients into the symbols of one baseline scan (T.81 F.1.2): all components interleaved
 * MCU by MCU, or a lone component block by block, with restart markers every {@code restartInterval} MCUs. Blocks
 * are read through the picture's {@link BlockMap}s, so a turned view is coded without being copied first.
 */
final class ScanEncoder {

    private ScanEncoder() {
    }

    /**
     * @param dcTable for each component, the number of its DC table in {@code out}
     * @param acTable for each component, the number of its AC table
     * @return false when a table lacks a symbol the picture needs (the output is then incomplete)
     */
    static boolean encode(CoefficientImage image, int[] dcTable, int[] acTable, int restartInterval, EntropyOut out) {
        JpegFrame frame = image.frame();
        int n = frame.components().size();
        int mcusWide = n == 1 ? Math.ceilDiv(frame.componentWidth(0), 8) : frame.mcusWide();
        int mcusHigh = n == 1 ? Math.ceilDiv(frame.componentHeight(0), 8) : frame.mcusHigh();
        int[] h = new int[n];
        int[] v = new int[n];
        BlockMap[] maps = new BlockMap[n];
        for (int c = 0; c < n; c++) {
            h[c] = n == 1 ? 1 : frame.components().get(c).h();
            v[c] = n == 1 ? 1 : frame.components().get(c).v();
            maps[c] = image.map(c);
        }
        int[] predictions = new int[n];
        int total = mcusWide * mcusHigh;
        int marker = 0;
        for (int mcu = 0; mcu < total; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                out.interval(0xD0 + marker);
                marker = (marker + 1) & 7;
                Arrays.fill(predictions, 0);
            }
            int mx = mcu % mcusWide;
            int my = mcu / mcusWide;
            for (int c = 0; c < n; c++) {
                short[] plane = image.storedPlane(c);
                long[] nonZero = image.storedNonZero(c);
                BlockMap map = maps[c];
                for (int by = 0; by < v[c]; by++) {
                    for (int bx = 0; bx < h[c]; bx++) {
                        int base = map.base(mx * h[c] + bx, my * v[c] + by);
                        int dc = plane[base]; // mirroring negates odd frequencies only, never the DC term
                        long zigZagMask = map.zigZag().apply(nonZero[base >> 6] & ~1L);
                        if (!block(plane, base, zigZagMask, map, dc - predictions[c], dcTable[c], acTable[c], out)) {
                            return false;
                        }
                        predictions[c] = dc;
                    }
                }
            }
        }
        out.interval(-1);
        return true;
    }

    /** One block: its DC difference, then only the AC coefficients the mask names, runs of zeros skipped at once. */
    private static boolean block(short[] plane, int base, long mask, BlockMap map, int diff, int dc, int ac,
                                 EntropyOut out) {
        int size = magnitude(diff);
        if (!out.symbol(dc, size, diff < 0 ? diff - 1 : diff, size)) {
            return false;
        }
        int[] source = map.source();
        int[] sign = map.sign();
        int previous = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            int k = Long.numberOfTrailingZeros(m);
            int value = plane[base + source[k]] * sign[k];
            if (value == 0) {
                continue;
            }
            int run = k - previous - 1;
            previous = k;
            while (run > 15) {
                if (!out.symbol(ac, 0xF0, 0, 0)) {
                    return false;
                }
                run -= 16;
            }
            size = magnitude(value);
            if (!out.symbol(ac, run << 4 | size, value < 0 ? value - 1 : value, size)) {
                return false;
            }
        }
        return previous == 63 || out.symbol(ac, 0x00, 0, 0);
    }

    private static int magnitude(int value) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(value));
    }
}

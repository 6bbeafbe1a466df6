package io.camstream.core.jpeg;

/**
 * Turns a picture's coefficients into the symbols of one baseline scan (T.81 F.1.2): all components interleaved
 * MCU by MCU, or a lone component block by block, with restart markers every {@code restartInterval} MCUs.
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
        int[] stride = new int[n];
        for (int c = 0; c < n; c++) {
            h[c] = n == 1 ? 1 : frame.components().get(c).h();
            v[c] = n == 1 ? 1 : frame.components().get(c).v();
            stride[c] = frame.blocksWide(c);
        }
        int[] predictions = new int[n];
        int total = mcusWide * mcusHigh;
        int marker = 0;
        for (int mcu = 0; mcu < total; mcu++) {
            if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
                out.interval(0xD0 + marker);
                marker = (marker + 1) & 7;
                java.util.Arrays.fill(predictions, 0);
            }
            int mx = mcu % mcusWide;
            int my = mcu / mcusWide;
            for (int c = 0; c < n; c++) {
                short[] plane = image.plane(c);
                for (int by = 0; by < v[c]; by++) {
                    for (int bx = 0; bx < h[c]; bx++) {
                        int base = ((my * v[c] + by) * stride[c] + mx * h[c] + bx) * 64;
                        if (!block(plane, base, predictions[c], dcTable[c], acTable[c], out)) {
                            return false;
                        }
                        predictions[c] = plane[base];
                    }
                }
            }
        }
        out.interval(-1);
        return true;
    }

    private static boolean block(short[] plane, int base, int prediction, int dc, int ac, EntropyOut out) {
        int diff = plane[base] - prediction;
        int size = magnitude(diff);
        if (!out.symbol(dc, size, diff < 0 ? diff - 1 : diff, size)) {
            return false;
        }
        int run = 0;
        for (int k = 1; k < 64; k++) {
            int value = plane[base + ZigZag.NATURAL[k]];
            if (value == 0) {
                run++;
                continue;
            }
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
            run = 0;
        }
        return run == 0 || out.symbol(ac, 0x00, 0, 0);
    }

    private static int magnitude(int value) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(value));
    }
}

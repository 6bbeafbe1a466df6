package io.camstream.core.jpeg;

import java.util.Arrays;

/**
 * A Huffman table prepared for decoding: codes of up to {@link #FAST_BITS} bits are found with one look-up of the
 * next bits, longer ones by comparing against the largest code of each length (T.81 F.2.2.3).
 */
final class HuffmanLookup {

    static final int FAST_BITS = 9;

    /** Indexed by the next {@link #FAST_BITS} bits: {@code length << 8 | symbol}, or -1 for a longer code. */
    final int[] fast = new int[1 << FAST_BITS];
    /**
     * Indexed the same way: when a symbol's code and the bits of its value both fit, {@code value << 16 | symbol << 8
     * | length of both}; otherwise 0. The size of the value is the symbol's low four bits (all of a DC symbol), so
     * one look-up decodes most coefficients, a DC difference of zero and an AC end of block (symbol 0) too; a run of
     * sixteen zeros (0xF0) is left to the slow path, which keeps the decoder's masks of non-zero coefficients exact.
     */
    final int[] fastValue = new int[1 << FAST_BITS];
    /** The largest code of each length, -1 where there is none; index 17 is a sentinel. */
    final int[] maxCode = new int[18];
    /** Added to a code of each length, gives the index of its symbol. */
    final int[] offset = new int[17];
    final int[] symbols;

    HuffmanLookup(HuffmanSpec spec) {
        symbols = spec.symbols();
        Arrays.fill(fast, -1);
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            int count = spec.counts()[length - 1];
            offset[length] = k - code;
            for (int i = 0; i < count; i++, k++, code++) {
                if (length <= FAST_BITS) {
                    int shift = FAST_BITS - length;
                    int first = code << shift;
                    Arrays.fill(fast, first, first + (1 << shift), length << 8 | symbols[k]);
                }
            }
            maxCode[length] = count == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int peek = 0; peek < fast.length; peek++) {
            int entry = fast[peek];
            if (entry < 0) {
                continue;
            }
            int length = entry >> 8;
            int symbol = entry & 0xFF;
            int size = symbol & 15;
            if (size == 0 && symbol != 0 || length + size > FAST_BITS) {
                continue;
            }
            int raw = (peek >> (FAST_BITS - length - size)) & ((1 << size) - 1);
            int value = size == 0 ? 0 : raw < (1 << (size - 1)) ? raw - (1 << size) + 1 : raw;
            fastValue[peek] = value << 16 | symbol << 8 | (length + size);
        }
    }
}

package io.camstream.core.jpeg;

import java.util.Arrays;

/**
 * A Huffman table as a DHT segment defines it: how many codes there are of each length from 1 to 16 bits, and the
 * symbols in order of their codes (T.81 annex C).
 *
 * @param counts  16 numbers: codes of length 1, 2, … 16
 * @param symbols the symbols, shortest codes first
 */
public record HuffmanSpec(int[] counts, int[] symbols) {

    /**
     * Checks that the lengths describe a code that fits in 16 bits and that the symbols match their number.
     *
     * @throws JpegException when they do not
     */
    public HuffmanSpec {
        if (counts.length != 16 || Arrays.stream(counts).sum() != symbols.length || symbols.length > 256) {
            throw new JpegException("Huffman table: " + symbols.length + " symbols for "
                    + Arrays.stream(counts).sum() + " codes");
        }
        int code = 0;
        for (int length = 1; length <= 16; length++) {
            code += counts[length - 1];
            if (code > (1 << length)) {
                throw new JpegException("Huffman table: more codes of " + length + " bits than there is room for");
            }
            code <<= 1;
        }
    }

    /**
     * The code lengths of every symbol.
     *
     * @return for each symbol 0 to 255, its code length in bits, or 0 when the table has no code for it
     */
    public int[] lengths() {
        int[] lengths = new int[256];
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < counts[length - 1]; i++) {
                lengths[symbols[k++]] = length;
            }
        }
        return lengths;
    }

    /**
     * The codes of every symbol (canonical assignment, annex C).
     *
     * @return for each symbol 0 to 255, its code in the low bits, meaningful where {@link #lengths()} is not 0
     */
    public int[] codes() {
        int[] codes = new int[256];
        int code = 0;
        int k = 0;
        for (int length = 1; length <= 16; length++) {
            for (int i = 0; i < counts[length - 1]; i++) {
                codes[symbols[k++]] = code++;
            }
            code <<= 1;
        }
        return codes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HuffmanSpec other && Arrays.equals(counts, other.counts)
                && Arrays.equals(symbols, other.symbols);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Arrays.hashCode(symbols);
    }

    @Override
    public String toString() {
        return "HuffmanSpec" + Arrays.toString(counts);
    }
}

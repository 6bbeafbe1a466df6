package io.camstream.core.jpeg;

/**
 * A Huffman table prepared for encoding: for each symbol {@code code << 5 | length} (one look-up per symbol), 0 where
 * it has no code.
 */
final class HuffmanCode {

    final int[] packed = new int[256];

    HuffmanCode(HuffmanSpec spec) {
        int[] codes = spec.codes();
        int[] lengths = spec.lengths();
        for (int symbol = 0; symbol < packed.length; symbol++) {
            packed[symbol] = lengths[symbol] == 0 ? 0 : codes[symbol] << 5 | lengths[symbol];
        }
    }
}

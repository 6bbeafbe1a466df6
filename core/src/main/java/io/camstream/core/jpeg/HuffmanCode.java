package io.camstream.core.jpeg;

/** A Huffman table prepared for encoding: each symbol's code and length, length 0 where it has none. */
final class HuffmanCode {

    final int[] codes;
    final int[] lengths;

    HuffmanCode(HuffmanSpec spec) {
        codes = spec.codes();
        lengths = spec.lengths();
    }
}

package io.camstream.core.jpeg;

/**
 * Moves the bits of a 64-bit mask to new places, a byte at a time: eight look-ups whatever the number of bits set,
 * where a loop over the set bits would take one step for each (a noisy block has dozens).
 */
final class BitPermutation {

    /** For each byte of the input and each value of it, the bits it sets in the output. */
    private final long[] table = new long[8 * 256];

    /** @param target for each bit of the input, the bit it becomes */
    BitPermutation(int[] target) {
        for (int octet = 0; octet < 8; octet++) {
            for (int value = 0; value < 256; value++) {
                long out = 0;
                for (int bit = 0; bit < 8; bit++) {
                    if ((value & 1 << bit) != 0) {
                        out |= 1L << target[octet * 8 + bit];
                    }
                }
                table[octet * 256 + value] = out;
            }
        }
    }

    long apply(long mask) {
        return table[(int) mask & 0xFF]
                | table[256 + ((int) (mask >>> 8) & 0xFF)]
                | table[512 + ((int) (mask >>> 16) & 0xFF)]
                | table[768 + ((int) (mask >>> 24) & 0xFF)]
                | table[1024 + ((int) (mask >>> 32) & 0xFF)]
                | table[1280 + ((int) (mask >>> 40) & 0xFF)]
                | table[1536 + ((int) (mask >>> 48) & 0xFF)]
                | table[1792 + ((int) (mask >>> 56) & 0xFF)];
    }
}

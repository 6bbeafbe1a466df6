package io.camstream.core.jpeg;

import java.util.Arrays;

/**
 * Builds the Huffman table that codes given symbol counts in the fewest bits with codes of at most 16 bits and no
 * code of all ones (T.81 K.2: figures K.1 to K.4).
 */
final class HuffmanOptimizer {

    private HuffmanOptimizer() {
    }

    /**
     * @param frequencies how often each symbol 0 to 255 occurs; left unchanged
     * @return the table; a symbol that never occurs gets no code
     */
    static HuffmanSpec optimal(long[] frequencies) {
        long[] freq = Arrays.copyOf(frequencies, 257);
        freq[256] = 1; // reserves one code point so that no real code is all ones
        int[] codeSize = new int[257];
        int[] others = new int[257];
        Arrays.fill(others, -1);
        while (true) {
            int v1 = smallest(freq, -1);
            int v2 = smallest(freq, v1);
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0) {
                v1 = others[v1];
                codeSize[v1]++;
            }
            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0) {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }
        int[] bits = new int[258];
        for (int size : codeSize) {
            if (size > 0) {
                bits[size]++;
            }
        }
        limitTo16Bits(bits);
        int[] counts = Arrays.copyOfRange(bits, 1, 17);
        int[] symbols = new int[Arrays.stream(counts).sum()];
        int k = 0;
        for (int size = 1; size < bits.length && k < symbols.length; size++) {
            for (int symbol = 0; symbol < 256 && k < symbols.length; symbol++) {
                if (codeSize[symbol] == size) {
                    symbols[k++] = symbol;
                }
            }
        }
        return new HuffmanSpec(counts, symbols);
    }

    /** The symbol of least non-zero frequency other than {@code except}; the largest such symbol on a tie. */
    private static int smallest(long[] freq, int except) {
        int best = -1;
        for (int v = 0; v < freq.length; v++) {
            if (v != except && freq[v] > 0 && (best < 0 || freq[v] <= freq[best])) {
                best = v;
            }
        }
        return best;
    }

    /** Moves codes longer than 16 bits up the tree (figure K.3), then drops the reserved code point. */
    private static void limitTo16Bits(int[] bits) {
        for (int i = bits.length - 1; i > 16; ) {
            if (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            } else {
                i--;
            }
        }
        int i = 16;
        while (bits[i] == 0) {
            i--;
        }
        bits[i]--;
    }
}

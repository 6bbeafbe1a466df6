package io.camstream.core.jpeg;

import java.util.Arrays;

/** Writes Huffman-coded bits into a growing byte array, stuffing a zero after every {@code FF}. */
final class BitWriter implements EntropyOut {

    private final HuffmanCode[] tables;
    private byte[] out;
    private int size;
    private long acc;
    private int count;

    /**
     * @param tables the code of each table number the scan uses
     * @param room   where to write, grown as needed; what it holds is overwritten
     */
    BitWriter(HuffmanCode[] tables, byte[] room) {
        this.tables = tables;
        this.out = room;
    }

    @Override
    public boolean symbol(int table, int symbol, int extra, int extraLength) {
        int code = tables[table].packed[symbol];
        if (code == 0) {
            return false;
        }
        // A code (16 bits at most) and its extra bits (11 at most) go in together.
        put((code >>> 5) << extraLength | extra & ((1 << extraLength) - 1), (code & 31) + extraLength);
        return true;
    }

    @Override
    public void interval(int restartMarker) {
        int pad = (8 - (count & 7)) & 7;
        if (pad > 0) {
            put((1 << pad) - 1, pad);
        }
        flush();
        if (restartMarker >= 0) {
            ensure(2);
            out[size++] = (byte) 0xFF;
            out[size++] = (byte) restartMarker;
        }
    }

    /** @return the bytes written so far, and room after them: the array given, or a larger one */
    byte[] bytes() {
        return out;
    }

    int size() {
        return size;
    }

    /** Appends raw bytes (marker segments). */
    void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void put(int bits, int length) {
        acc = (acc << length) | bits;
        count += length;
        if (count >= 32) {
            flush();
        }
    }

    private void flush() {
        ensure(2 * 8);
        if (count >= 32) {
            int word = (int) (acc >>> (count - 32));
            // No byte of the word is FF (the usual case): write it whole, nothing to stuff.
            if (!hasFf(word)) {
                out[size] = (byte) (word >>> 24);
                out[size + 1] = (byte) (word >>> 16);
                out[size + 2] = (byte) (word >>> 8);
                out[size + 3] = (byte) word;
                size += 4;
                count -= 32;
            }
        }
        while (count >= 8) {
            count -= 8;
            int b = (int) (acc >>> count) & 0xFF;
            out[size++] = (byte) b;
            if (b == 0xFF) {
                out[size++] = 0;
            }
        }
    }

    private static boolean hasFf(int word) {
        return (word >>> 24) == 0xFF || (word >>> 16 & 0xFF) == 0xFF || (word >>> 8 & 0xFF) == 0xFF
                || (word & 0xFF) == 0xFF;
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}

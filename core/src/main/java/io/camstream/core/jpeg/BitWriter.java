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
     * @param tables   the code of each table number the scan uses
     * @param capacity the first guess of the size
     */
    BitWriter(HuffmanCode[] tables, int capacity) {
        this.tables = tables;
        this.out = new byte[Math.max(capacity, 1024)];
    }

    @Override
    public boolean symbol(int table, int symbol, int extra, int extraLength) {
        HuffmanCode code = tables[table];
        int length = code.lengths[symbol];
        if (length == 0) {
            return false;
        }
        put(code.codes[symbol], length);
        if (extraLength > 0) {
            put(extra & ((1 << extraLength) - 1), extraLength);
        }
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

    /** @return the bytes written so far */
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
        while (count >= 8) {
            count -= 8;
            int b = (int) (acc >>> count) & 0xFF;
            out[size++] = (byte) b;
            if (b == 0xFF) {
                out[size++] = 0;
            }
        }
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}

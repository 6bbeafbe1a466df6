package io.camstream.bench.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Byte searches on a buffer, by absolute index, without copying it.
 */
final class Bytes {

    static final byte LF = '\n';
    static final byte CR = '\r';

    private static final long ONES = 0x0101010101010101L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    private Bytes() {
    }

    /**
     * Finds a byte eight at a time, because bodies without a length are scanned whole for the next boundary line.
     * The zero-byte test has no carries between bytes, so it is exact in either byte order.
     *
     * @return the index of the first {@code value} in {@code [from, to)}, or -1
     */
    static int indexOf(ByteBuffer buffer, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        boolean littleEndian = buffer.order() == ByteOrder.LITTLE_ENDIAN;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = buffer.getLong(i) ^ pattern;
            long found = ~(((x & LOWS) + LOWS) | x | LOWS);
            if (found != 0) {
                int bit = littleEndian ? Long.numberOfTrailingZeros(found) : Long.numberOfLeadingZeros(found);
                return i + (bit >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buffer.get(i) == value) {
                return i;
            }
        }
        return -1;
    }
}

package io.camstream.bench.client;

import java.nio.ByteBuffer;

/**
 * Follows the first and last two bytes of a body as it passes, so a frame is checked without being copied.
 */
final class JpegEnds {

    private static final int SOI = 0xFFD8;
    private static final int EOI = 0xFFD9;

    private int seen;
    private int first;
    private int last;

    void reset() {
        seen = 0;
        first = 0;
        last = 0;
    }

    void accept(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to && seen < 2; i++, seen++) {
            first = (first << 8) | (buffer.get(i) & 0xFF);
        }
        if (to - from >= 2) {
            last = ((buffer.get(to - 2) & 0xFF) << 8) | (buffer.get(to - 1) & 0xFF);
        } else if (to - from == 1) {
            last = ((last << 8) | (buffer.get(from) & 0xFF)) & 0xFFFF;
        }
    }

    boolean startsWithSoi() {
        return seen == 2 && first == SOI;
    }

    boolean endsWithEoi() {
        return last == EOI;
    }

    /**
     * Whether a body whose last two bytes are given is a whole JPEG, for bodies whose end is found by a boundary.
     */
    boolean validWithEnd(int size, int lastTwo) {
        return size >= 4 && startsWithSoi() && lastTwo == EOI;
    }

    boolean valid(int size) {
        return validWithEnd(size, last);
    }
}

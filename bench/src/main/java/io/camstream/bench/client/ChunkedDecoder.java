package io.camstream.bench.client;

import java.nio.ByteBuffer;

/**
 * Removes HTTP/1.1 chunked framing and hands the data on as ranges of the same buffer.
 */
final class ChunkedDecoder implements BodySink {

    private enum State { SIZE, SIZE_LINE, DATA, DATA_END, DONE }

    private static final long MAX_CHUNK = Integer.MAX_VALUE;

    private final BodySink next;

    private State state = State.SIZE;
    private long remaining;
    private int digits;

    ChunkedDecoder(BodySink next) {
        this.next = next;
    }

    @Override
    public void accept(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case SIZE -> i = readSize(buffer, i);
                case SIZE_LINE -> {
                    int lf = Bytes.indexOf(buffer, i, to, Bytes.LF);
                    if (lf < 0) {
                        i = to;
                    } else {
                        endSizeLine();
                        i = lf + 1;
                    }
                }
                case DATA -> {
                    int end = i + (int) Math.min(remaining, to - i);
                    next.accept(buffer, i, end);
                    remaining -= end - i;
                    i = end;
                    if (remaining == 0) {
                        state = State.DATA_END;
                    }
                }
                case DATA_END -> i = readDataEnd(buffer, i);
                case DONE -> i = to;
            }
        }
    }

    /**
     * Whether the last chunk (size 0) has been read.
     */
    boolean done() {
        return state == State.DONE;
    }

    private int readSize(ByteBuffer buffer, int i) {
        byte b = buffer.get(i);
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            remaining = remaining * 16 + digit;
            digits++;
            if (remaining > MAX_CHUNK) {
                throw new StreamFormatException("chunk size is larger than " + MAX_CHUNK + " bytes");
            }
        } else if (b == Bytes.LF) {
            endSizeLine();
        } else if (b == ';' || b == ' ' || b == '\t' || b == Bytes.CR) {
            state = State.SIZE_LINE;
        } else {
            throw new StreamFormatException("chunk size line has byte 0x" + Integer.toHexString(b & 0xFF));
        }
        return i + 1;
    }

    private void endSizeLine() {
        if (digits == 0) {
            throw new StreamFormatException("chunk size line has no size");
        }
        digits = 0;
        state = remaining == 0 ? State.DONE : State.DATA;
    }

    private int readDataEnd(ByteBuffer buffer, int i) {
        byte b = buffer.get(i);
        if (b == Bytes.LF) {
            state = State.SIZE;
        } else if (b != Bytes.CR) {
            throw new StreamFormatException("chunk data is not followed by CRLF");
        }
        return i + 1;
    }
}

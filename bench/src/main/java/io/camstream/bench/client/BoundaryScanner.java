package io.camstream.bench.client;

import java.nio.ByteBuffer;

/**
 * Finds the next boundary line ({@code --token}, optionally {@code --token--}) at the start of a line, across any
 * split of the input. Servers disagree on the leading dashes, so any run of two or more is accepted before the
 * token; trailing blanks and CR are allowed before the LF.
 * <p>
 * While scanning it remembers where the line before the boundary ended and its last bytes, which is where a body
 * without a {@code Content-Length} ends.
 */
final class BoundaryScanner {

    private enum State { LINE_START, DASHES, TOKEN, TAIL, SKIP_LINE }

    private final byte[] token;

    private State state;
    private long consumed;
    private int history;
    private long lineStartAt;
    private int beforeLine;
    private int dashes;
    private int matched;
    private boolean closing;

    /**
     * @param token the boundary without leading dashes, not empty
     */
    BoundaryScanner(byte[] token) {
        this.token = token.clone();
        reset();
    }

    /**
     * Starts a new search; the next byte counts as the start of a line.
     */
    void reset() {
        state = State.LINE_START;
        consumed = 0;
        history = 0;
        lineStartAt = 0;
        beforeLine = 0;
        closing = false;
    }

    /**
     * Reads until the end of a boundary line.
     *
     * @return the index just after the boundary line's LF, or -1 when all of {@code [from, to)} was read without one
     */
    int scan(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            switch (state) {
                case SKIP_LINE -> {
                    int lf = Bytes.indexOf(buffer, i, to, Bytes.LF);
                    if (lf < 0) {
                        i = to;
                    } else {
                        lineStart(buffer, from, lf);
                        i = lf + 1;
                    }
                }
                case LINE_START -> {
                    byte b = buffer.get(i);
                    if (b == '-') {
                        dashes = 1;
                        state = State.DASHES;
                    } else {
                        other(buffer, from, i, b);
                    }
                    i++;
                }
                case DASHES -> {
                    byte b = buffer.get(i);
                    if (b == '-') {
                        dashes++;
                    } else if (dashes >= 2 && b == token[0]) {
                        matched = 1;
                        state = matched == token.length ? State.TAIL : State.TOKEN;
                        dashes = 0;
                    } else {
                        other(buffer, from, i, b);
                    }
                    i++;
                }
                case TOKEN -> {
                    byte b = buffer.get(i);
                    if (b == token[matched]) {
                        matched++;
                        if (matched == token.length) {
                            state = State.TAIL;
                        }
                    } else {
                        other(buffer, from, i, b);
                    }
                    i++;
                }
                case TAIL -> {
                    byte b = buffer.get(i);
                    i++;
                    if (b == Bytes.LF) {
                        closing = dashes >= 2;
                        consumed += i - from;
                        return i;
                    }
                    if (b == '-') {
                        dashes++;
                    } else if (b != ' ' && b != '\t' && b != Bytes.CR) {
                        state = State.SKIP_LINE;
                    }
                }
            }
        }
        history = lastBytes(buffer, from, to);
        consumed += to - from;
        return -1;
    }

    /**
     * Whether the boundary found last was the closing one ({@code --token--}).
     */
    boolean closing() {
        return closing;
    }

    /**
     * How many bytes came before the found boundary line since {@link #reset()}, less the line break ending them.
     */
    int bytesBeforeLine() {
        if (lineStartAt == 0) {
            return 0;
        }
        long size = (beforeLine & 0xFF) == Bytes.CR ? lineStartAt - 2 : lineStartAt - 1;
        return (int) Math.max(0, size);
    }

    /**
     * The last two bytes counted by {@link #bytesBeforeLine()}, the high one first.
     */
    int lastTwoBeforeLine() {
        return (beforeLine & 0xFF) == Bytes.CR ? (beforeLine >>> 8) & 0xFFFF : beforeLine & 0xFFFF;
    }

    private void other(ByteBuffer buffer, int from, int at, byte b) {
        if (b == Bytes.LF) {
            lineStart(buffer, from, at);
        } else {
            state = State.SKIP_LINE;
        }
    }

    private void lineStart(ByteBuffer buffer, int from, int lf) {
        state = State.LINE_START;
        lineStartAt = consumed + (lf - from) + 1;
        beforeLine = lastBytes(buffer, from, lf);
    }

    /** The three bytes before {@code end}, older ones carried over from earlier calls. */
    private int lastBytes(ByteBuffer buffer, int from, int end) {
        int packed = history;
        for (int i = Math.max(from, end - 3); i < end; i++) {
            packed = (packed << 8) | (buffer.get(i) & 0xFF);
        }
        return packed & 0xFFFFFF;
    }
}

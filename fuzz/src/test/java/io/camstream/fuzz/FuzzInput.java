package io.camstream.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * A fuzzer's input read as a few text lines (a header's value, say) and the bytes after them, so that seed files
 * stay readable: {@code multipart/x-mixed-replace; boundary=b\n--b\r\n...}. The same input always cuts the same
 * way, so a finding replays.
 */
public final class FuzzInput {

    private final byte[] data;
    private final Random cuts;
    private int at;

    private FuzzInput(byte[] data) {
        this.data = data;
        this.cuts = new Random(Arrays.hashCode(data));
    }

    /**
     * Reads an input.
     *
     * @param data the fuzzer's bytes
     * @return the input, positioned at its start
     */
    public static FuzzInput of(byte[] data) {
        return new FuzzInput(data);
    }

    /**
     * The next line, without its {@code \n}, as ISO-8859-1 (bytes as a server would get them in a header).
     *
     * @return the line; empty at the end of the input
     */
    public String line() {
        int end = at;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        String line = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
        at = Math.min(data.length, end + 1);
        return line;
    }

    /**
     * Everything after the lines read so far.
     *
     * @return the bytes
     */
    public byte[] rest() {
        return Arrays.copyOfRange(data, at, data.length);
    }

    /**
     * The rest as a stream that hands out 1 to {@code maxRead} bytes per read, as a network does.
     *
     * @param maxRead the most one read returns
     * @return the stream
     */
    public InputStream trickle(int maxRead) {
        return new ByteArrayInputStream(rest()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + cuts.nextInt(maxRead)));
            }
        };
    }

    /**
     * A length for the next piece: mostly short, sometimes up to {@code max}, the same each time for this input.
     *
     * @param max the longest
     * @return 1 to {@code max}
     */
    public int cut(int max) {
        return 1 + cuts.nextInt(cuts.nextBoolean() ? Math.min(8, max) : max);
    }
}

package io.camstream.bench.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one part's header block, keeping only {@code Content-Length} and {@code X-Timestamp}, without making
 * strings: it runs once per frame for every viewer.
 */
final class PartHeaders {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_LINES = 64;
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] X_TIMESTAMP = ascii("x-timestamp");

    private byte[] line = new byte[256];
    private int lineLength;
    private int lines;
    private long contentLength;
    private long timestampMicros;

    PartHeaders() {
        reset();
    }

    void reset() {
        lineLength = 0;
        lines = 0;
        contentLength = -1;
        timestampMicros = FrameListener.NO_TIMESTAMP;
    }

    /**
     * Reads header lines up to the blank line that ends them.
     *
     * @return the index just after the blank line, or -1 when more input is needed
     * @throws StreamFormatException when a line or the block is too long to be a part header
     */
    int read(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            int lf = Bytes.indexOf(buffer, i, to, Bytes.LF);
            append(buffer, i, lf < 0 ? to : lf);
            if (lf < 0) {
                return -1;
            }
            i = lf + 1;
            if (endLine()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return the part's {@code Content-Length}, or -1 when absent or not a number
     */
    long contentLength() {
        return contentLength;
    }

    /**
     * @return the part's {@code X-Timestamp} in epoch microseconds, or {@link FrameListener#NO_TIMESTAMP}
     */
    long timestampMicros() {
        return timestampMicros;
    }

    private void append(ByteBuffer buffer, int from, int to) {
        int n = to - from;
        if (lineLength + n > MAX_LINE) {
            throw new StreamFormatException("a part header line is longer than " + MAX_LINE + " bytes");
        }
        if (lineLength + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
        }
        buffer.get(from, line, lineLength, n);
        lineLength += n;
    }

    private boolean endLine() {
        int length = lineLength > 0 && line[lineLength - 1] == Bytes.CR ? lineLength - 1 : lineLength;
        lineLength = 0;
        if (length == 0) {
            return true;
        }
        if (++lines > MAX_LINES) {
            throw new StreamFormatException("a part has more than " + MAX_LINES + " header lines");
        }
        int colon = indexOf(line, length, (byte) ':');
        if (colon > 0) {
            int value = colon + 1;
            if (nameIs(CONTENT_LENGTH, colon)) {
                contentLength = parseLength(value, length);
            } else if (nameIs(X_TIMESTAMP, colon)) {
                timestampMicros = parseTimestamp(value, length);
            }
        }
        return false;
    }

    private boolean nameIs(byte[] name, int colon) {
        int end = colon;
        while (end > 0 && isBlank(line[end - 1])) {
            end--;
        }
        if (end != name.length) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (lowerCase(line[i]) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private long parseLength(int from, int to) {
        int i = skipBlanks(from, to);
        long value = 0;
        int digits = 0;
        for (; i < to && isDigit(line[i]); i++, digits++) {
            value = value * 10 + (line[i] - '0');
            if (value > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return digits > 0 && skipBlanks(i, to) == to ? value : -1;
    }

    private long parseTimestamp(int from, int to) {
        int i = skipBlanks(from, to);
        long seconds = 0;
        int digits = 0;
        for (; i < to && isDigit(line[i]) && digits < 12; i++, digits++) {
            seconds = seconds * 10 + (line[i] - '0');
        }
        if (digits == 0) {
            return FrameListener.NO_TIMESTAMP;
        }
        long micros = 0;
        int decimals = 0;
        if (i < to && line[i] == '.') {
            for (i++; i < to && isDigit(line[i]); i++) {
                if (decimals < 6) {
                    micros = micros * 10 + (line[i] - '0');
                    decimals++;
                }
            }
        }
        for (; decimals < 6; decimals++) {
            micros *= 10;
        }
        return skipBlanks(i, to) == to ? seconds * 1_000_000 + micros : FrameListener.NO_TIMESTAMP;
    }

    private int skipBlanks(int from, int to) {
        int i = from;
        while (i < to && isBlank(line[i])) {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] bytes, int length, byte value) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte lowerCase(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

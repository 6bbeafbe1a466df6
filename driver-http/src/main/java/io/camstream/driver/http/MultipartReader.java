package io.camstream.driver.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} body as cameras in the wild send it: a boundary line is two
 * or more dashes and the boundary at the start of a line; parts with {@code Content-Length} are read by length,
 * the others up to the next boundary line. Every quantity is bounded (gap between parts, header lines, part size),
 * so a hostile or broken source costs a clear exception, never unbounded memory.
 */
final class MultipartReader {

    /** Part headers, with lower-case names, and the part's body. */
    record Part(Map<String, String> headers, byte[] body) {
    }

    static final int MAX_GAP = 64 * 1024;
    static final int MAX_HEADER_LINE = 8 * 1024;
    static final int MAX_HEADER_LINES = 64;

    private static final Pattern BOUNDARY_LINE = Pattern.compile("--+(\\S+?)\\s*");

    private final InputStream in;
    private String boundary;
    private byte[] token;
    private final int maxPartBytes;
    private final String source;
    private byte[] buf = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean afterBoundary;
    private boolean started;
    private boolean finished;

    /**
     * Creates a reader.
     *
     * @param in           the body
     * @param boundary     the boundary as the Content-Type names it, quotes and leading dashes removed; when
     *                     empty, the body's first line must be a boundary line, as ffmpeg's HTTP server sends it
     * @param maxPartBytes the largest part body accepted
     * @param source       where the body comes from, for messages
     */
    MultipartReader(InputStream in, Optional<String> boundary, int maxPartBytes, String source) {
        this.in = in;
        this.maxPartBytes = maxPartBytes;
        this.source = source;
        boundary.ifPresent(this::useBoundary);
    }

    /**
     * Reads the next part.
     *
     * @return the part
     * @throws EOFException when the stream ends, inside a part or with the closing boundary
     * @throws IOException  when the stream breaks a limit or cannot be read
     */
    Part next() throws IOException {
        if (boundary == null) {
            learnBoundary();
        }
        if (!afterBoundary && !finished) {
            int limit = MAX_GAP;
            readToBoundary(limit, () -> started
                    ? "more than " + limit + " bytes after a part without the boundary '--" + boundary + "'"
                    : "no boundary line '--" + boundary + "' (named by the Content-Type) in the first "
                            + limit + " bytes");
            started = true;
        }
        if (finished) {
            throw new EOFException(source + " ended the stream (closing boundary)");
        }
        Map<String, String> headers = headers();
        String length = headers.get("content-length");
        if (length != null) {
            afterBoundary = false;
            return new Part(headers, readExactly(contentLength(length)));
        }
        byte[] body = readToBoundary(maxPartBytes, () -> "a part without Content-Length grew past max-frame-bytes ("
                + maxPartBytes + ") before the next boundary");
        afterBoundary = true;
        return new Part(headers, body);
    }

    private void learnBoundary() throws IOException {
        String first = readLine();
        Matcher line = BOUNDARY_LINE.matcher(first);
        if (!line.matches()) {
            throw new IOException(source + " names no boundary in its Content-Type and its body does not start with"
                    + " a boundary line");
        }
        useBoundary(line.group(1));
        started = true;
        afterBoundary = true;
    }

    private void useBoundary(String name) {
        boundary = name;
        token = name.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int lines = 0; ; lines++) {
            if (lines == MAX_HEADER_LINES) {
                throw new IOException(source + " sent a part with more than " + MAX_HEADER_LINES + " header lines");
            }
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private int contentLength(String value) throws IOException {
        long length;
        try {
            length = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException(source + " sent a part with Content-Length '" + value + "'");
        }
        if (length < 0 || length > maxPartBytes) {
            throw new IOException(source + " sent a part of " + length + " bytes, more than max-frame-bytes ("
                    + maxPartBytes + ")");
        }
        return (int) length;
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = new byte[length];
        int buffered = Math.min(length, end - start);
        System.arraycopy(buf, start, body, 0, buffered);
        start += buffered;
        int read = buffered + in.readNBytes(body, buffered, length - buffered);
        if (read < length) {
            throw new EOFException(source + " ended the stream inside a part (" + read + " of " + length + " bytes)");
        }
        return body;
    }

    private String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buf[i] == '\n') {
                    int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            if (scanned > MAX_HEADER_LINE) {
                throw new IOException(source + " sent a part header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            if (!fill()) {
                throw new EOFException(source + " ended the stream inside a part's headers");
            }
        }
    }

    /**
     * Consumes everything up to and including the next boundary line and returns what came before it, without the
     * line break that belongs to the boundary.
     */
    private byte[] readToBoundary(int limit, Supplier<String> tooLong) throws IOException {
        int scanned = 0;
        while (true) {
            int found = indexOfToken(start + scanned);
            if (found < 0) {
                scanned = Math.max(0, end - start - token.length);
            } else {
                Boundary line = boundaryAt(found);
                if (line == Boundary.NOT_ONE) {
                    scanned = found + 1 - start;
                    continue;
                }
                if (line != Boundary.NEED_MORE) {
                    return takeBefore(found, limit, line == Boundary.CLOSING, tooLong);
                }
                scanned = found - start;
            }
            if (end - start > limit + token.length + MAX_HEADER_LINE) {
                throw new IOException(source + ": " + tooLong.get());
            }
            if (!fill()) {
                throw new EOFException(started
                        ? source + " ended the stream inside a part"
                        : source + " ended the stream before the first boundary '--" + boundary + "'");
            }
        }
    }

    private enum Boundary { NOT_ONE, NEED_MORE, OPEN, CLOSING }

    private Boundary boundaryAt(int found) {
        int lineStart = found;
        while (lineStart > start && buf[lineStart - 1] == '-') {
            lineStart--;
        }
        // At least the two dashes of the standard: the boundary alone may well occur in a JPEG at a line start.
        if (found - lineStart < 2 || lineStart > start && buf[lineStart - 1] != '\n') {
            return Boundary.NOT_ONE;
        }
        int after = found + token.length;
        for (int i = after; i < end; i++) {
            byte c = buf[i];
            if (c == '\n') {
                return after + 1 < end && buf[after] == '-' && buf[after + 1] == '-' ? Boundary.CLOSING : Boundary.OPEN;
            }
            if (c != '\r' && c != '-' && c != ' ' && c != '\t') {
                return Boundary.NOT_ONE;
            }
        }
        return Boundary.NEED_MORE;
    }

    private byte[] takeBefore(int found, int limit, boolean closing, Supplier<String> tooLong)
            throws IOException {
        int lineStart = found;
        while (lineStart > start && buf[lineStart - 1] == '-') {
            lineStart--;
        }
        int bodyEnd = lineStart;
        if (bodyEnd > start && buf[bodyEnd - 1] == '\n') {
            bodyEnd--;
        }
        if (bodyEnd > start && buf[bodyEnd - 1] == '\r') {
            bodyEnd--;
        }
        if (bodyEnd - start > limit) {
            throw new IOException(source + ": " + tooLong.get());
        }
        byte[] before = Arrays.copyOfRange(buf, start, bodyEnd);
        int eol = found + token.length;
        while (buf[eol] != '\n') {
            eol++;
        }
        start = eol + 1;
        finished = closing;
        return before;
    }

    private int indexOfToken(int from) {
        outer:
        for (int i = from; i <= end - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (buf[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads more bytes after those buffered, moving or growing the buffer when it is full. */
    private boolean fill() throws IOException {
        if (end == buf.length) {
            int kept = end - start;
            byte[] target = kept > buf.length / 2 ? new byte[buf.length * 2] : buf;
            System.arraycopy(buf, start, target, 0, kept);
            buf = target;
            start = 0;
            end = kept;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            return false;
        }
        end += n;
        return true;
    }
}

package io.camstream.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the parts of a multipart/x-mixed-replace body whose parts carry Content-Length, as browsers do, up to the
 * closing boundary if the stream has one.
 */
final class MjpegReader {

    record Part(Map<String, String> headers, byte[] body) {
    }

    private final InputStream in;
    private final String boundaryLine;
    private boolean started;
    private boolean ended;

    MjpegReader(InputStream in, String boundary) {
        this.in = in;
        this.boundaryLine = "--" + boundary;
    }

    Part next() throws IOException {
        if (ended) {
            throw new EOFException("the stream ended with its closing boundary");
        }
        if (!started) {
            expectLine(boundaryLine);
            started = true;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.get("content-length"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("part ended after " + body.length + " of " + length + " bytes");
        }
        expectLine("");
        String delimiter = lineOrEnd();
        ended = delimiter.equals(boundaryLine + "--");
        if (!ended && !delimiter.equals(boundaryLine)) {
            throw new IOException("expected '" + boundaryLine + "' but read '" + delimiter + "'");
        }
        return new Part(headers, body);
    }

    /** @return {@code true} once the part last read was followed by the closing boundary */
    boolean ended() {
        return ended;
    }

    private void expectLine(String expected) throws IOException {
        String line = line();
        if (!line.equals(expected)) {
            throw new IOException("expected '" + expected + "' but read '" + line + "'");
        }
    }

    private String line() throws IOException {
        return line(false);
    }

    /** A line, or what the stream ended with: the closing boundary need not have a line end. */
    private String lineOrEnd() throws IOException {
        return line(true);
    }

    private String line(boolean endMayCut) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0 && endMayCut && bytes.size() > 0) {
                return bytes.toString(StandardCharsets.ISO_8859_1);
            }
            if (b < 0) {
                throw new EOFException("stream ended");
            }
            if (previous == '\r' && b == '\n') {
                byte[] all = bytes.toByteArray();
                return new String(all, 0, all.length - 1, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
            previous = b;
        }
    }
}

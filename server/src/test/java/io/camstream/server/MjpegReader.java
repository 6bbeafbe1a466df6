package io.camstream.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads the parts of a multipart/x-mixed-replace body whose parts carry Content-Length, as browsers do. */
final class MjpegReader {

    record Part(Map<String, String> headers, byte[] body) {
    }

    private final InputStream in;
    private final String boundaryLine;
    private boolean started;

    MjpegReader(InputStream in, String boundary) {
        this.in = in;
        this.boundaryLine = "--" + boundary;
    }

    Part next() throws IOException {
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
        expectLine(boundaryLine);
        return new Part(headers, body);
    }

    private void expectLine(String expected) throws IOException {
        String line = line();
        if (!line.equals(expected)) {
            throw new IOException("expected '" + expected + "' but read '" + line + "'");
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); ; b = in.read()) {
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

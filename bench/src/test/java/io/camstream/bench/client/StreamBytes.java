package io.camstream.bench.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds MJPEG responses in the framing variants servers use, for parser tests.
 */
final class StreamBytes {

    private String contentType = "multipart/x-mixed-replace; boundary=foo";
    private String boundaryLine = "--foo";
    private String preamble = "";
    private String newline = "\r\n";
    private boolean chunked;
    private final List<String> responseHeaders = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean started;

    /**
     * A JPEG-like body: SOI, bytes that look like line breaks, dashes and near-boundaries, then EOI.
     */
    static byte[] jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] traps = "\r\n--fo\r\n-\n--\r\n--foobar\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(traps, 0, bytes, size / 3, Math.min(traps.length, size / 2));
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[size - 2] = (byte) 0xFF;
        bytes[size - 1] = (byte) 0xD9;
        return bytes;
    }

    StreamBytes contentType(String value) {
        contentType = value;
        return this;
    }

    StreamBytes boundaryLine(String value) {
        boundaryLine = value;
        return this;
    }

    StreamBytes preamble(String value) {
        preamble = value;
        return this;
    }

    StreamBytes newline(String value) {
        newline = value;
        return this;
    }

    StreamBytes chunked() {
        chunked = true;
        return this;
    }

    StreamBytes responseHeader(String line) {
        responseHeaders.add(line);
        return this;
    }

    /**
     * Adds a part the way mjpg-streamer does: headers, body, then the boundary line.
     */
    StreamBytes part(byte[] jpeg, String... headerLines) {
        if (!started) {
            write(preamble + boundaryLine + newline);
            started = true;
        }
        for (String line : headerLines) {
            write(line + newline);
        }
        write(newline);
        body.writeBytes(jpeg);
        write(newline + boundaryLine + newline);
        return this;
    }

    StreamBytes close() {
        byte[] bytes = body.toByteArray();
        body.reset();
        body.write(bytes, 0, bytes.length - newline.length());
        write("--" + newline);
        return this;
    }

    byte[] build() {
        return build(new int[] {Integer.MAX_VALUE});
    }

    /**
     * The response, with a chunked body cut into chunks of the given sizes in turn.
     */
    byte[] build(int[] chunkSizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP/1.1 200 OK" + newline);
        head.append("Content-Type: ").append(contentType).append(newline);
        if (chunked) {
            head.append("Transfer-Encoding: chunked").append(newline);
        }
        responseHeaders.forEach(line -> head.append(line).append(newline));
        out.writeBytes(head.append(newline).toString().getBytes(StandardCharsets.ISO_8859_1));
        byte[] content = body.toByteArray();
        if (!chunked) {
            out.writeBytes(content);
            return out.toByteArray();
        }
        int at = 0;
        for (int i = 0; at < content.length; i++) {
            int size = Math.min(chunkSizes[i % chunkSizes.length], content.length - at);
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += size;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

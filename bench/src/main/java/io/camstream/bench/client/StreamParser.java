package io.camstream.bench.client;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Follows one MJPEG response from its first byte: the status line and headers, then a chunked or plain body of
 * multipart parts. Input may be split anywhere; nothing is kept from the caller's buffer between calls.
 */
final class StreamParser {

    private static final int MAX_HEAD = 64 * 1024;

    private final FrameListener listener;

    private byte[] head = new byte[512];
    private int headLength;
    private MultipartParser parts;
    private BodySink body;

    StreamParser(FrameListener listener) {
        this.listener = listener;
    }

    /**
     * Reads more of the response.
     *
     * @throws StreamFormatException when the response is not an MJPEG stream
     */
    void accept(ByteBuffer buffer, int from, int to) {
        int i = from;
        if (body == null) {
            i = readHead(buffer, from, to);
        }
        if (body != null && i < to) {
            body.accept(buffer, i, to);
        }
    }

    /**
     * Whether the stream has ended properly with a closing boundary.
     */
    boolean closed() {
        return parts != null && parts.closed();
    }

    private int readHead(ByteBuffer buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (headLength == head.length) {
                if (headLength == MAX_HEAD) {
                    throw new StreamFormatException("response headers are longer than " + MAX_HEAD + " bytes");
                }
                head = Arrays.copyOf(head, Math.min(MAX_HEAD, head.length * 2));
            }
            head[headLength++] = buffer.get(i);
            if (headEnded()) {
                startBody(ResponseHead.parse(head, headLength));
                return i + 1;
            }
        }
        return to;
    }

    private boolean headEnded() {
        int n = headLength;
        return n >= 2 && head[n - 1] == Bytes.LF
                && (head[n - 2] == Bytes.LF || (n >= 3 && head[n - 2] == Bytes.CR && head[n - 3] == Bytes.LF));
    }

    private void startBody(ResponseHead response) {
        parts = new MultipartParser(response.token(), listener);
        body = response.chunked() ? new ChunkedDecoder(parts) : parts;
    }
}

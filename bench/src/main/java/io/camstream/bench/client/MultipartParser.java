package io.camstream.bench.client;

import java.nio.ByteBuffer;

/**
 * Follows a {@code multipart/x-mixed-replace} body: skips the preamble, reads each part's headers, and takes its
 * JPEG by {@code Content-Length} when given, else up to the next boundary line. Every part is reported to the
 * listener with its size, validity and timestamp; the body is never copied.
 */
final class MultipartParser implements BodySink {

    private enum State { SEEK_BOUNDARY, HEADERS, BODY, BODY_TO_BOUNDARY, CLOSED }

    private final FrameListener listener;
    private final BoundaryScanner scanner;
    private final PartHeaders headers = new PartHeaders();
    private final JpegEnds jpeg = new JpegEnds();

    private State state = State.SEEK_BOUNDARY;
    private long remaining;

    /**
     * @param token    the boundary without leading dashes
     * @param listener told of each part
     */
    MultipartParser(byte[] token, FrameListener listener) {
        this.scanner = new BoundaryScanner(token);
        this.listener = listener;
    }

    @Override
    public void accept(ByteBuffer buffer, int from, int to) {
        int i = from;
        while (i < to) {
            i = switch (state) {
                case SEEK_BOUNDARY -> seekBoundary(buffer, i, to);
                case HEADERS -> readHeaders(buffer, i, to);
                case BODY -> readBody(buffer, i, to);
                case BODY_TO_BOUNDARY -> readBodyToBoundary(buffer, i, to);
                case CLOSED -> to;
            };
        }
    }

    /**
     * Whether the closing boundary has been read.
     */
    boolean closed() {
        return state == State.CLOSED;
    }

    private int seekBoundary(ByteBuffer buffer, int from, int to) {
        int end = scanner.scan(buffer, from, to);
        if (end < 0) {
            return to;
        }
        startPart();
        return end;
    }

    private int readHeaders(ByteBuffer buffer, int from, int to) {
        int end = headers.read(buffer, from, to);
        if (end < 0) {
            return to;
        }
        jpeg.reset();
        remaining = headers.contentLength();
        if (remaining > 0) {
            state = State.BODY;
        } else {
            scanner.reset();
            state = State.BODY_TO_BOUNDARY;
        }
        return end;
    }

    private int readBody(ByteBuffer buffer, int from, int to) {
        int end = from + (int) Math.min(remaining, to - from);
        jpeg.accept(buffer, from, end);
        remaining -= end - from;
        if (remaining == 0) {
            int size = (int) headers.contentLength();
            listener.frame(size, jpeg.valid(size), headers.timestampMicros());
            scanner.reset();
            state = State.SEEK_BOUNDARY;
        }
        return end;
    }

    private int readBodyToBoundary(ByteBuffer buffer, int from, int to) {
        int end = scanner.scan(buffer, from, to);
        jpeg.accept(buffer, from, end < 0 ? to : end);
        if (end < 0) {
            return to;
        }
        int size = scanner.bytesBeforeLine();
        listener.frame(size, jpeg.validWithEnd(size, scanner.lastTwoBeforeLine()), headers.timestampMicros());
        startPart();
        return end;
    }

    private void startPart() {
        if (scanner.closing()) {
            state = State.CLOSED;
        } else {
            headers.reset();
            state = State.HEADERS;
        }
    }
}

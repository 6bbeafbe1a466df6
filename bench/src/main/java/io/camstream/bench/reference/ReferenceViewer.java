package io.camstream.bench.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One viewer's connection: reads the request up to its blank line, writes the response head, then parts from the
 * fan-out until the viewer goes away. Used by the selector thread only.
 */
final class ReferenceViewer {

    private static final int MAX_REQUEST = 8 * 1024;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final FanOut fanOut;
    private final ByteBuffer head;
    private ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST);
    private SharedPart part;
    private ByteBuffer view;
    private long sentSerial;
    private boolean closed;

    /**
     * @param head the response head and first boundary, shared read-only
     */
    ReferenceViewer(SocketChannel channel, SelectionKey key, FanOut fanOut, ByteBuffer head) {
        this.channel = channel;
        this.key = key;
        this.fanOut = fanOut;
        this.head = head;
    }

    void ready() {
        if (key.isReadable()) {
            readRequest();
        } else if (key.isWritable()) {
            send();
        }
    }

    /**
     * Writes as much as the socket takes: the current part, then the newest one if it has not been sent yet.
     */
    void send() {
        if (closed) {
            return;
        }
        try {
            while (true) {
                if (view != null) {
                    channel.write(view);
                    if (view.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                    finishPart();
                }
                part = fanOut.next(this, sentSerial);
                if (part == null) {
                    key.interestOps(0);
                    return;
                }
                sentSerial = part.serial();
                view = part.view();
            }
        } catch (IOException e) {
            close();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        finishPart();
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            // the viewer is gone either way
        }
    }

    private void readRequest() {
        try {
            if (channel.read(request) < 0 || !request.hasRemaining()) {
                close();
            } else if (requestEnded()) {
                request = null;
                view = head.duplicate();
                send();
            }
        } catch (IOException e) {
            close();
        }
    }

    private boolean requestEnded() {
        int n = request.position();
        return n >= 4 && request.get(n - 4) == '\r' && request.get(n - 3) == '\n'
                && request.get(n - 2) == '\r' && request.get(n - 1) == '\n';
    }

    private void finishPart() {
        if (part != null) {
            fanOut.release(part);
            part = null;
        }
        view = null;
    }
}

package io.camstream.bench.client;

import io.camstream.bench.report.ViewerResult;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One viewer: a non-blocking connection that sends the request, then parses the stream as it arrives and counts
 * what it receives in the measuring window. Used by one selector thread only.
 */
final class ViewerConnection implements FrameListener {

    /** A slow viewer's receive buffer: small, so that the backlog stays in the server's send buffer. */
    static final int SLOW_RECEIVE_BUFFER = 32 * 1024;

    private final RunWindow window;
    private final WallClock clock;
    private final FrameLog log;
    private final ByteBuffer request;
    private final int bytesPerTick;
    private final StreamParser parser = new StreamParser(this);

    private SocketChannel channel;
    private SelectionKey key;
    private int budget;
    private long readNanos;
    private long frames;
    private long invalid;
    private long bytes;
    private String error;

    /**
     * @param window       when to count
     * @param clock        epoch time for frame ages
     * @param log          where to add frame ages and timestamps
     * @param request      the HTTP request, shared read-only
     * @param bytesPerTick for a slow viewer the bytes it may read per tick, else 0
     */
    ViewerConnection(RunWindow window, WallClock clock, FrameLog log, ByteBuffer request, int bytesPerTick) {
        this.window = window;
        this.clock = clock;
        this.log = log;
        this.request = request.duplicate();
        this.bytesPerTick = bytesPerTick;
        this.budget = bytesPerTick;
    }

    void open(Selector selector, InetSocketAddress address) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (slow()) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, SLOW_RECEIVE_BUFFER);
            }
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            if (channel.connect(address)) {
                sendRequest();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /**
     * Acts on what the selector found ready.
     *
     * @param buffer the selector thread's read buffer, free for this call
     */
    void ready(ByteBuffer buffer) {
        try {
            if (key.isConnectable()) {
                if (channel.finishConnect()) {
                    sendRequest();
                }
            } else if (key.isWritable()) {
                sendRequest();
            } else if (key.isReadable()) {
                read(buffer);
            }
        } catch (IOException e) {
            fail(e);
        } catch (StreamFormatException e) {
            fail(e.getMessage());
        }
    }

    /**
     * Starts a new tick of a slow viewer's reading allowance.
     */
    void tick() {
        budget = bytesPerTick;
        if (error == null && key != null && key.isValid() && key.interestOps() == 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    boolean slow() {
        return bytesPerTick > 0;
    }

    @Override
    public void frame(int size, boolean valid, long timestampMicros) {
        if (!window.measuring(readNanos)) {
            return;
        }
        frames++;
        if (!valid) {
            invalid++;
        }
        if (timestampMicros != NO_TIMESTAMP) {
            log.add(slow(), clock.epochMicros(readNanos) - timestampMicros, timestampMicros);
        }
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                error = error == null ? "close failed: " + e.getMessage() : error;
            }
        }
    }

    ViewerResult result() {
        return new ViewerResult(slow(), frames, invalid, bytes, error);
    }

    private void sendRequest() throws IOException {
        channel.write(request);
        key.interestOps(request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(ByteBuffer buffer) throws IOException {
        int limit = slow() ? Math.min(budget, buffer.capacity()) : buffer.capacity();
        buffer.clear().limit(limit);
        int n = channel.read(buffer);
        readNanos = System.nanoTime();
        if (n < 0) {
            fail(parser.closed() ? "server ended the stream" : "server closed the connection");
            return;
        }
        if (window.measuring(readNanos)) {
            bytes += n;
        }
        parser.accept(buffer, 0, n);
        if (slow()) {
            budget -= n;
            if (budget == 0) {
                key.interestOps(0);
            }
        }
    }

    private void fail(IOException e) {
        fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void fail(String reason) {
        if (error == null) {
            error = reason;
        }
        if (key != null) {
            key.cancel();
        }
        close();
    }
}

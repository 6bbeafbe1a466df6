package io.camstream.bench.reference;

import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The least work an MJPEG server can do, as the floor for every other server's figures: one selector thread, each
 * frame's part built once into a direct buffer, a view of it per viewer, newest frame wins, and a plain
 * (unchunked) HTTP/1.1 response closed by the server. It streams the JPEG files of a folder in a loop.
 */
public final class ReferenceServer implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ReferenceServer.class.getName());
    private static final ByteBuffer HEAD = head();

    private final ReferenceOptions options;
    private final List<byte[]> jpegs;
    private final Selector selector;
    private final ServerSocketChannel listener;
    private final FanOut fanOut = new FanOut();
    private final Thread thread;
    private volatile boolean running = true;
    private long sequence;

    private ReferenceServer(ReferenceOptions options, List<byte[]> jpegs) throws IOException {
        this.options = options;
        this.jpegs = jpegs;
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(options.host(), options.port()), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = Thread.ofPlatform().name("reference-fanout").unstarted(this::run);
    }

    /**
     * Loads the folder's JPEGs and starts serving them to any request on the listening address.
     *
     * @param options how to run
     * @return the running server; close it to stop
     * @throws IOException              when the folder cannot be read or the address is taken
     * @throws IllegalArgumentException when the folder holds no JPEG
     */
    public static ReferenceServer start(ReferenceOptions options) throws IOException {
        ReferenceServer server = new ReferenceServer(options, FrameFolder.load(options.folder()));
        server.thread.start();
        return server;
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int frameCount() {
        return jpegs.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join();
    }

    private void run() {
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / options.fps());
        long nextFrame = System.nanoTime();
        try (selector; listener) {
            while (running) {
                long now = System.nanoTime();
                if (now - nextFrame >= 0) {
                    publish();
                    nextFrame = now - nextFrame >= period ? now + period : nextFrame + period;
                }
                long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextFrame - now + 999_999));
                selector.select(this::ready, millis);
            }
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof ReferenceViewer viewer) {
                    viewer.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish() {
        byte[] jpeg = jpegs.get((int) (sequence % jpegs.size()));
        fanOut.publish(MjpegFormat.part(Frame.of(jpeg, ++sequence, Instant.now())));
    }

    private void ready(SelectionKey key) {
        if (key.attachment() instanceof ReferenceViewer viewer) {
            viewer.ready();
        } else {
            accept();
        }
    }

    private void accept() {
        try {
            for (SocketChannel channel = listener.accept(); channel != null; channel = listener.accept()) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (options.sendBuffer() > 0) {
                    channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBuffer());
                }
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                key.attach(new ReferenceViewer(channel, key, fanOut, HEAD));
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Cannot accept a viewer: {0}", e.getMessage());
        }
    }

    private static ByteBuffer head() {
        byte[] head = ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: " + MjpegFormat.CONTENT_TYPE + "\r\n"
                + "Cache-Control: no-store, no-cache, must-revalidate, max-age=0\r\n"
                + "Pragma: no-cache\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + new String(MjpegFormat.streamStart(), StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(head.length).put(head).flip().asReadOnlyBuffer();
    }
}

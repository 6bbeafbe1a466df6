package io.camstream.bench.client;

import io.camstream.bench.report.Samples;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One viewer that watches a stream for as long as it is open, from a chosen local address, over plain TCP or TLS,
 * and keeps the arrival time of every valid frame: what a person watching would see, window by window. Its own
 * thread reads; the figures may be asked for at any time.
 */
public final class TimedViewer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final URI url;
    private final InetAddress from;
    private final Socket socket;
    private final Samples frames = new Samples();
    private final Thread reader;
    private volatile String failure;
    private volatile boolean closing;

    private TimedViewer(URI url, InetAddress from, Socket socket) {
        this.url = url;
        this.from = from;
        this.socket = socket;
        this.reader = Thread.ofPlatform().daemon().name("watcher-" + from.getHostAddress()).start(this::watch);
    }

    /**
     * Starts watching.
     *
     * @param url     the stream, {@code http://[user:password@]host:port/path}; with credentials it logs in (Basic)
     * @param from    the local address to connect from (on Linux any of 127.0.0.0/8 reaches a server on 127.0.0.1)
     * @param sockets plain ({@link SocketFactory#getDefault()}) or TLS ({@code SSLContext.getSocketFactory()})
     * @return the watcher, connecting in its own thread
     * @throws IOException when the socket cannot be made
     */
    public static TimedViewer start(URI url, InetAddress from, SocketFactory sockets) throws IOException {
        return new TimedViewer(url, from, sockets.createSocket());
    }

    /**
     * Waits for the first frame.
     *
     * @param timeout the longest wait
     * @return how long it took from the start
     * @throws IllegalStateException when none came in time, with the reason
     * @throws InterruptedException  when interrupted
     */
    public Duration awaitFirstFrame(long startNanos, Duration timeout) throws InterruptedException {
        long deadline = startNanos + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            synchronized (frames) {
                if (frames.size() > 0) {
                    return Duration.ofNanos(frames.get(0) - startNanos);
                }
            }
            if (failure != null) {
                break;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no frame from " + url.getPath() + " for a viewer from "
                + from.getHostAddress() + " within " + timeout.toMillis() + " ms"
                + failure().map(f -> ": " + f).orElse(""));
    }

    /**
     * What the viewer received between two moments.
     *
     * @param fromNanos the window's start, a {@link System#nanoTime()}
     * @param toNanos   its end
     * @return the frames and the longest wait for one, the window's edges counting as frames
     */
    public FrameWindow window(long fromNanos, long toNanos) {
        synchronized (frames) {
            return FrameWindow.of(frames, fromNanos, toNanos);
        }
    }

    /** @return why the stream ended, if it did */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public InetAddress from() {
        return from;
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void watch() {
        StreamParser parser = new StreamParser((size, valid, timestampMicros) -> {
            if (valid) {
                synchronized (frames) {
                    frames.add(System.nanoTime());
                }
            }
        });
        try {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(LoadGenerator.address(url), CONNECT_TIMEOUT_MILLIS);
            ByteBuffer request = LoadGenerator.request(url);
            byte[] bytes = new byte[request.remaining()];
            request.get(bytes);
            socket.getOutputStream().write(bytes);
            byte[] buffer = new byte[64 * 1024];
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            InputStream in = socket.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                parser.accept(wrapped, 0, n);
            }
            failure = "the server ended the stream";
        } catch (IOException | StreamFormatException e) {
            if (!closing) {
                failure = e.toString();
            }
        }
    }

    /**
     * What a viewer received in a window.
     *
     * @param frames     valid frames whose last byte arrived in it
     * @param seconds    the window's length
     * @param longestGap the longest time without a frame, the window's start and end included
     */
    public record FrameWindow(int frames, double seconds, Duration longestGap) {

        /**
         * @param arrivals the {@link System#nanoTime()} of each frame, in order
         * @param fromNanos the window's start
         * @param toNanos   its end
         */
        static FrameWindow of(Samples arrivals, long fromNanos, long toNanos) {
            int count = 0;
            long last = fromNanos;
            long longest = 0;
            for (int i = 0; i < arrivals.size(); i++) {
                long time = arrivals.get(i);
                if (time - fromNanos >= 0 && time - toNanos < 0) {
                    count++;
                    longest = Math.max(longest, time - last);
                    last = time;
                }
            }
            longest = Math.max(longest, toNanos - last);
            return new FrameWindow(count, (toNanos - fromNanos) / 1e9, Duration.ofNanos(longest));
        }

        public double fps() {
            return frames / seconds;
        }
    }
}

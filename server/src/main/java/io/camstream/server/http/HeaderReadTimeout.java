package io.camstream.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes HTTP/1.1 connections whose request headers do not arrive in full within {@code camstream.header-read-timeout}
 * of the request line, the "slowloris" attack that trickles a header byte now and then. Helidon 4.5 has a socket
 * read timeout, which every trickled byte resets, but no limit on reading a whole request head, so this listener
 * notes when a request line was read and when its headers were, and one thread interrupts the connections' threads
 * that stay in between for too long: interrupting a virtual thread blocked in a
 * {@link java.nio.channels.SocketChannel} read closes the connection.
 */
public final class HeaderReadTimeout implements Http1ConnectionListener, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(HeaderReadTimeout.class.getName());

    private final long timeoutNanos;
    private final Map<ConnectionContext, Reading> reading = new ConcurrentHashMap<>();
    private final Thread checker;
    private volatile boolean closed;

    /**
     * Starts the check.
     *
     * @param timeout the longest time from a request line to the end of its headers
     */
    public HeaderReadTimeout(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.checker = Thread.ofPlatform().name("header-read-timeout").daemon().start(this::check);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        reading.put(ctx, new Reading(Thread.currentThread(), System.nanoTime()));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        reading.remove(ctx);
    }

    @Override
    public void close() {
        closed = true;
        checker.interrupt();
    }

    private void check() {
        long tick = Math.clamp(timeoutNanos / 4, Duration.ofMillis(50).toNanos(), Duration.ofSeconds(1).toNanos());
        try {
            while (!closed) {
                Thread.sleep(Duration.ofNanos(tick));
                long now = System.nanoTime();
                reading.forEach((ctx, started) -> {
                    if (now - started.since() > timeoutNanos && reading.remove(ctx, started)) {
                        LOGGER.log(System.Logger.Level.DEBUG, "A client sent no complete request headers within {0} ms; "
                                + "closing its connection", timeoutNanos / 1_000_000);
                        started.reader().interrupt();
                    }
                });
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private record Reading(Thread reader, long since) {
    }
}

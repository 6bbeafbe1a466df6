package io.camstream.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One thread's share of the viewers: connects them, reads whatever is ready into one reused direct buffer, and
 * stops at the end of the run.
 */
final class SelectorLoop implements Runnable {

    /** Reads of this size drain a loopback socket in one call at full rate. */
    private static final int READ_BUFFER = 256 * 1024;
    /** How often slow viewers get their next allowance; ten per second keeps their reads smooth. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final List<ViewerConnection> viewers;
    private final List<ViewerConnection> slowViewers;
    private final InetSocketAddress address;
    private final RunWindow window;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER).order(ByteOrder.nativeOrder());

    SelectorLoop(List<ViewerConnection> viewers, InetSocketAddress address, RunWindow window) {
        this.viewers = List.copyOf(viewers);
        this.slowViewers = viewers.stream().filter(ViewerConnection::slow).toList();
        this.address = address;
        this.window = window;
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            viewers.forEach(viewer -> viewer.open(selector, address));
            long nextTick = window.start() + TICK_NANOS;
            for (long now = System.nanoTime(); now - window.end() < 0; now = System.nanoTime()) {
                if (!slowViewers.isEmpty() && now - nextTick >= 0) {
                    slowViewers.forEach(ViewerConnection::tick);
                    nextTick += TICK_NANOS * (1 + (now - nextTick) / TICK_NANOS);
                }
                long until = slowViewers.isEmpty() ? window.end() : Math.min(nextTick, window.end());
                selector.select(key -> ((ViewerConnection) key.attachment()).ready(buffer), millisUntil(now, until));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            viewers.forEach(ViewerConnection::close);
        }
    }

    private static long millisUntil(long now, long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - now + 999_999));
    }
}

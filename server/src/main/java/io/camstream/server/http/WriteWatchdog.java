package io.camstream.server.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Disconnects viewers whose socket accepts no bytes for {@code camstream.viewer-write-timeout}, and viewers whose
 * right to watch has ended (users or {@code allowed-users} changed, a signed link that expired or whose key was
 * replaced), within about a second. Helidon sets no
 * write timeout, so a viewer that stops reading would block its handler thread in a write forever. Each stream
 * marks when a write starts and ends; one thread looks at all of them a few times per timeout and interrupts a
 * writer stuck past the deadline. Helidon writes through a {@link java.nio.channels.SocketChannel}, an
 * interruptible channel: interrupting the thread blocked in its write closes the connection
 * ({@link java.nio.channels.ClosedByInterruptException}), so the stream loop ends and the viewer's resources are
 * freed.
 */
public final class WriteWatchdog implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(WriteWatchdog.class.getName());

    private final long timeoutNanos;
    private final Duration timeout;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final Thread checker;
    private volatile boolean closed;

    /**
     * Starts the watchdog.
     *
     * @param timeout how long one write may take
     */
    public WriteWatchdog(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.checker = Thread.ofPlatform().name("viewer-write-watchdog").daemon().start(this::check);
    }

    /**
     * Watches the current thread's writes until the returned watch is closed.
     *
     * @param viewer who is written to, for the log
     * @param holds  {@code false} once the viewer may no longer watch
     * @return the watch
     */
    Watch watch(String viewer, BooleanSupplier holds) {
        Watch watch = new Watch(Thread.currentThread(), viewer, holds);
        watches.add(watch);
        return watch;
    }

    @Override
    public void close() {
        closed = true;
        checker.interrupt();
    }

    private void check() {
        long tick = Math.clamp(timeoutNanos / 5, Duration.ofMillis(20).toNanos(), Duration.ofSeconds(1).toNanos());
        try {
            while (!closed) {
                Thread.sleep(Duration.ofNanos(tick));
                long now = System.nanoTime();
                for (Watch watch : watches) {
                    watch.check(now);
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** One stream's writes. */
    final class Watch implements AutoCloseable {

        private final Thread writer;
        private final String viewer;
        private final BooleanSupplier holds;
        private volatile long writeStarted;
        private volatile boolean writing;
        private boolean interrupted;

        private Watch(Thread writer, String viewer, BooleanSupplier holds) {
            this.writer = writer;
            this.viewer = viewer;
            this.holds = holds;
        }

        void writing() {
            writeStarted = System.nanoTime();
            writing = true;
        }

        void written() {
            writing = false;
        }

        private void check(long now) {
            if (interrupted) {
                return;
            }
            if (writing && now - writeStarted > timeoutNanos) {
                LOGGER.log(System.Logger.Level.INFO, "Viewer {0} accepted no bytes for {1} ms; disconnecting it",
                        viewer, timeout.toMillis());
            } else if (!holds.getAsBoolean()) {
                LOGGER.log(System.Logger.Level.INFO, "Viewer {0} may no longer watch (its access was changed, or "
                        + "its link expired or was revoked); disconnecting it", viewer);
            } else {
                return;
            }
            interrupted = true;
            writer.interrupt();
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }
}

package io.camstream.server.http;

import io.camstream.core.time.Deadline;
import io.camstream.core.time.Deadlines;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Disconnects viewers whose socket accepts no bytes for {@code camstream.viewer-write-timeout}, and viewers whose
 * right to watch has ended (users or {@code allowed-users} changed, a signed link that expired or whose key was
 * replaced), within about a second. Helidon sets no write timeout, so a viewer that stops reading would block its
 * handler thread in a write forever. Each stream arms a deadline when a write starts and disarms it when the write
 * is done, and its right is looked at once a second; a deadline that passes, or a right that is gone, interrupts the
 * writer. Helidon writes through a {@link java.nio.channels.SocketChannel}, an interruptible channel: interrupting
 * the thread blocked in its write closes the connection ({@link java.nio.channels.ClosedByInterruptException}), so
 * the stream loop ends and the viewer's resources are freed.
 */
public final class WriteWatchdog {

    private static final System.Logger LOGGER = System.getLogger(WriteWatchdog.class.getName());
    private static final Duration RIGHT_CHECK = Duration.ofSeconds(1);

    private final Duration timeout;
    private final Deadlines deadlines;

    /**
     * Creates the watchdog.
     *
     * @param timeout   how long one write may take
     * @param deadlines the deadlines its watches are kept with
     */
    public WriteWatchdog(Duration timeout, Deadlines deadlines) {
        this.timeout = timeout;
        this.deadlines = deadlines;
    }

    /**
     * Watches the current thread's writes until the returned watch is closed.
     *
     * @param viewer who is written to, for the log
     * @param holds  {@code false} once the viewer may no longer watch
     * @return the watch
     */
    Watch watch(String viewer, BooleanSupplier holds) {
        return new Watch(Thread.currentThread(), viewer, holds);
    }

    /** One stream's writes. */
    final class Watch implements AutoCloseable {

        private final Thread writer;
        private final String viewer;
        private final AtomicBoolean interrupted = new AtomicBoolean();
        private final Deadline write;
        private final Deadline right;

        private Watch(Thread writer, String viewer, BooleanSupplier holds) {
            this.writer = writer;
            this.viewer = viewer;
            this.write = deadlines.add(() -> disconnect("accepted no bytes for " + timeout.toMillis() + " ms"));
            this.right = deadlines.every(RIGHT_CHECK, () -> {
                if (!holds.getAsBoolean()) {
                    disconnect("may no longer watch (its access was changed, or its link expired or was revoked)");
                }
            });
        }

        void writing() {
            write.armIn(timeout);
        }

        void written() {
            write.disarm();
        }

        private void disconnect(String why) {
            if (interrupted.compareAndSet(false, true)) {
                LOGGER.log(System.Logger.Level.INFO, "Viewer {0} {1}; disconnecting it", viewer, why);
                writer.interrupt();
            }
        }

        @Override
        public void close() {
            write.close();
            right.close();
        }
    }
}

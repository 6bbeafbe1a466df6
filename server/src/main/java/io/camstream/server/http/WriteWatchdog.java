package io.camstream.server.http;

import io.camstream.core.time.Deadline;
import io.camstream.core.time.Deadlines;

import java.time.Duration;

/**
 * Disconnects viewers whose socket accepts no bytes for {@code camstream.viewer-write-timeout}. Helidon sets no
 * write timeout, so a viewer that stops reading would block its handler thread in a write forever. Each stream
 * arms a deadline when a write starts and disarms it when the write is done; a deadline that passes interrupts the
 * writer. Helidon writes through a {@link java.nio.channels.SocketChannel}, an interruptible channel: interrupting
 * the thread blocked in its write closes the connection ({@link java.nio.channels.ClosedByInterruptException}), so
 * the stream loop ends and the viewer's resources are freed.
 */
public final class WriteWatchdog {

    private static final System.Logger LOGGER = System.getLogger(WriteWatchdog.class.getName());

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
     * @return the watch
     */
    Watch watch(String viewer) {
        Thread writer = Thread.currentThread();
        return new Watch(deadlines.add(() -> {
            LOGGER.log(System.Logger.Level.INFO, "Viewer {0} accepted no bytes for {1} ms; disconnecting it",
                    viewer, timeout.toMillis());
            writer.interrupt();
        }));
    }

    /** One stream's writes. */
    final class Watch implements AutoCloseable {

        private final Deadline deadline;

        private Watch(Deadline deadline) {
            this.deadline = deadline;
        }

        void writing() {
            deadline.armIn(timeout);
        }

        void written() {
            deadline.disarm();
        }

        @Override
        public void close() {
            deadline.close();
        }
    }
}

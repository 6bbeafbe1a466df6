package io.camstream.core.fanout;

import java.time.Duration;
import java.util.Optional;

/**
 * One viewer's place at a feed. Each call to {@link #next()} returns the newest frame the viewer has not seen yet,
 * so a viewer that takes long to write a frame simply skips the ones published meanwhile: nothing queues per
 * viewer. Closing the viewer detaches it; the last one to leave starts the feed's idle timer.
 */
public final class Viewer implements AutoCloseable {

    private final CameraFeed feed;
    private long lastSerial;
    private boolean closed;

    Viewer(CameraFeed feed) {
        this.feed = feed;
    }

    /**
     * Waits for a frame newer than the last one returned.
     *
     * @return the newest frame, or empty when the feed has been closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> next() throws InterruptedException {
        return next(null);
    }

    /**
     * Waits at most the given time for a frame newer than the last one returned.
     *
     * @param timeout the longest wait, or {@code null} to wait until a frame comes or the feed closes
     * @return the newest frame, or empty when the feed closed or the time ran out
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> next(Duration timeout) throws InterruptedException {
        Optional<StreamFrame> frame = feed.awaitAfter(lastSerial, timeout);
        frame.ifPresent(f -> lastSerial = f.serial());
        return frame;
    }

    /**
     * Leaves the feed. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            feed.detach(this);
        }
    }
}

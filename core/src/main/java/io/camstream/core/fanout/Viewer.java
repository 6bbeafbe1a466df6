package io.camstream.core.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One viewer's place at a feed. Each call to {@link #next()} returns the newest frame the viewer has not seen yet,
 * so a viewer that takes long to write a frame simply skips the ones published meanwhile: nothing queues per
 * viewer. A frame-rate cap is kept the same way: the viewer's own thread waits until its next frame is due (the
 * feed releases it with the frame closest to that time, no timer per viewer), then takes the newest frame, so the
 * cap costs the camera and the other viewers nothing. Closing the viewer detaches it;
 * the last one to leave starts the feed's idle timer.
 * <p>
 * A viewer is used by one thread, its stream's; its figures may be read from any thread.
 */
public final class Viewer implements AutoCloseable {

    /** A stream repeats its last frame this often while the camera sends nothing new, so proxies keep it open. */
    static final Duration REPEAT_PERIOD = Duration.ofSeconds(1);

    private final CameraFeed feed;
    private final CameraStats cameraStats;
    private final ViewerOptions options;
    private final long intervalNanos;
    private final CameraFeed.DueWait dueWait;
    private final long finalFramePauseNanos;
    private final Instant connectedSince = Instant.now();
    private final RateMeter sendRate = new RateMeter();
    // Written by the viewer's thread only; volatile so that figures read elsewhere are current.
    private volatile long framesSent;
    private volatile long bytesSent;

    private long lastSerial;
    private StreamFrame last;
    private long lastNewNanos;
    private boolean finalFramePending;
    private long dueNanos;
    private boolean closed;

    Viewer(CameraFeed feed, CameraStats cameraStats, ViewerOptions options, double maxFps) {
        this.feed = feed;
        this.cameraStats = cameraStats;
        this.options = options;
        this.intervalNanos = maxFps > 0 ? Math.round(1e9 / maxFps) : 0;
        this.dueWait = intervalNanos > 0 ? feed.newDueWait() : null;
        // A pause is any gap clearly longer than the camera's own frame interval.
        this.finalFramePauseNanos = 2 * TimeUnit.SECONDS.toNanos(1) / Math.max(1, feed.settings().fps());
        this.dueNanos = System.nanoTime();
    }

    /**
     * Waits for a frame newer than the last one returned; when none comes within a second, returns the last one
     * again (and, for a viewer that asked for dual final frames, once already when the camera pauses).
     *
     * @return the frame to send, or empty when the feed has been closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> next() throws InterruptedException {
        awaitDue();
        while (true) {
            long repeatAt = lastNewNanos + (finalFramePending ? finalFramePauseNanos : REPEAT_PERIOD.toNanos());
            Optional<StreamFrame> frame;
            if (last == null) {
                frame = feed.awaitAfter(lastSerial, null);
            } else if (finalFramePending) {
                // A pause of a couple of frame intervals is shorter than the feed's clock: wait for it exactly.
                frame = feed.awaitAfter(lastSerial, Duration.ofNanos(Math.max(0, repeatAt - System.nanoTime())));
            } else {
                frame = feed.awaitAfterOrTick(lastSerial);
            }
            if (frame.isPresent()) {
                return Optional.of(fresh(frame.get()));
            }
            if (feed.isClosed()) {
                return Optional.empty();
            }
            if (System.nanoTime() >= repeatAt) {
                finalFramePending = false;
                lastNewNanos = System.nanoTime();
                return Optional.of(last);
            }
        }
    }

    /**
     * Waits at most the given time for a frame newer than the last one returned; never repeats a frame.
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
     * Counts a frame as delivered, once it has been written.
     *
     * @param bytes how many bytes were written for it
     */
    public void sent(int bytes) {
        framesSent++;
        bytesSent += bytes;
        sendRate.record();
    }

    /** @return how the viewer asked to be served */
    public ViewerOptions options() {
        return options;
    }

    /** @return when the viewer attached */
    public Instant connectedSince() {
        return connectedSince;
    }

    /** @return frames written to this viewer, repeats included */
    public long framesSent() {
        return framesSent;
    }

    /** @return bytes written to this viewer */
    public long bytesSent() {
        return bytesSent;
    }

    /** @return frames per second written to this viewer over the last three seconds */
    public double recentFps() {
        return sendRate.perSecond();
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

    private void awaitDue() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        feed.awaitDue(dueWait, dueNanos);
        // Due times follow a fixed schedule so waiting for a frame does not slow the rate; after a long stall the
        // schedule restarts rather than sending a burst.
        dueNanos = Math.max(dueNanos + intervalNanos, System.nanoTime() - intervalNanos);
    }

    private StreamFrame fresh(StreamFrame frame) {
        if (intervalNanos == 0 && lastSerial > 0 && frame.serial() > lastSerial + 1) {
            cameraStats.skipped(frame.serial() - lastSerial - 1);
        }
        lastSerial = frame.serial();
        last = frame;
        lastNewNanos = System.nanoTime();
        finalFramePending = options.dualFinalFrames();
        return frame;
    }
}

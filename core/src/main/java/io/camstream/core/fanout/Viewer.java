package io.camstream.core.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One viewer's place at a {@link FrameFanout}. Each call to {@link #next()} returns the newest frame the viewer has
 * not seen yet, so a viewer that takes long to write a frame simply skips the ones published meanwhile: nothing
 * queues per viewer. A frame-rate cap is kept the same way: the viewer's own thread waits until its next frame is
 * due (released by the frame or beat closest to that time, no timer per viewer), then takes the newest frame, so
 * the cap costs the source and the other viewers nothing.
 * <p>
 * A stream never falls silent for long: while nothing new comes, the last frame is repeated every
 * {@link #REPEAT_PERIOD}, and a viewer capped to fewer frames than one per {@link #KEEP_ALIVE} gets its last frame
 * again after that long.
 * <p>
 * A viewer is used by one thread, its stream's; its figures may be read from any thread.
 */
public final class Viewer implements AutoCloseable {

    /** A stream repeats its last frame this often while the source sends nothing new, so proxies keep it open. */
    static final Duration REPEAT_PERIOD = Duration.ofSeconds(1);
    /**
     * The longest a capped viewer waits for its next frame without getting its last one again: proxies cut streams
     * that send nothing for a while (Home Assistant's after 10 s), whatever the viewer asked for.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(4);

    private final FrameFanout fanout;
    private final FrameSlot slot;
    private final FeedClock clock;
    private final ViewerOptions options;
    private final long intervalNanos;
    private final DueQueue.Wait dueWait;
    private final long finalFramePauseNanos;
    private final Consumer<Viewer> leave;
    private final Instant connectedSince = Instant.now();
    private final RateMeter sendRate;
    // Written by the viewer's thread only; volatile so that figures read elsewhere are current.
    private volatile long framesSent;
    private volatile long bytesSent;

    private long lastSerial;
    private StreamFrame last;
    private long lastNewNanos;
    private boolean finalFramePending;
    private long dueNanos;
    private boolean closed;

    Viewer(FrameFanout fanout, ViewerOptions options, double maxFps, Consumer<Viewer> leave) {
        this.fanout = fanout;
        this.slot = fanout.slot();
        this.clock = fanout.clock();
        this.options = options;
        this.leave = leave;
        this.intervalNanos = maxFps > 0 ? Math.round(1e9 / maxFps) : 0;
        this.dueWait = intervalNanos > 0 ? fanout.due().newWait() : null;
        // A pause is any gap clearly longer than the source's own frame interval.
        this.finalFramePauseNanos = 2 * fanout.frameIntervalNanos();
        this.sendRate = new RateMeter(clock::nanoTime);
        this.dueNanos = clock.nanoTime();
    }

    /**
     * Waits for a frame newer than the last one returned; returns the last one again when the stream would
     * otherwise fall silent (and, for a viewer that asked for dual final frames, once already when the source
     * pauses).
     *
     * @return the frame to send, or empty when the fan-out has been closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> next() throws InterruptedException {
        long idleSince = clock.nanoTime();
        if (!awaitDue(idleSince)) {
            return slot.closed() ? Optional.empty() : Optional.of(last);
        }
        while (true) {
            long repeatAt = finalFramePending ? lastNewNanos + finalFramePauseNanos
                    : idleSince + REPEAT_PERIOD.toNanos();
            Optional<StreamFrame> frame;
            if (last == null) {
                frame = slot.awaitAfter(lastSerial);
            } else if (finalFramePending) {
                // A pause of a couple of frame intervals is shorter than the beat: wait for it exactly.
                frame = slot.awaitAfter(lastSerial, Duration.ofNanos(Math.max(0, repeatAt - clock.nanoTime())));
            } else {
                frame = slot.awaitAfterOrWake(lastSerial);
            }
            if (frame.isPresent()) {
                return Optional.of(fresh(frame.get()));
            }
            if (slot.closed()) {
                return Optional.empty();
            }
            if (clock.nanoTime() >= repeatAt) {
                finalFramePending = false;
                return Optional.of(last);
            }
        }
    }

    /**
     * Waits at most the given time for a frame newer than the last one returned; never repeats a frame.
     *
     * @param timeout the longest wait, in real time
     * @return the newest frame, or empty when the fan-out closed or the time ran out
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> next(Duration timeout) throws InterruptedException {
        Optional<StreamFrame> frame = slot.awaitAfter(lastSerial, timeout);
        frame.ifPresent(f -> lastSerial = f.serial());
        return frame;
    }

    /**
     * Waits for the source's next update after this call, for a single picture: a new frame, or the newest one
     * confirmed as current because the camera sent it again.
     *
     * @param timeout the longest wait, in real time
     * @return the newest frame, or empty when the fan-out closed or the time ran out
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<StreamFrame> nextUpdate(Duration timeout) throws InterruptedException {
        return slot.awaitUpdateAfter(slot.updates(), timeout).map(FrameSlot.Update::frame);
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

    /** @return the slot this viewer takes its frames from: the camera's, or its variant's */
    public FrameSlot source() {
        return slot;
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
     * Leaves the fan-out. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            leave.accept(this);
        }
    }

    /**
     * Waits until the next frame is due. Due times follow a fixed schedule so that waiting for a frame does not slow
     * the rate; after a long stall the schedule restarts rather than sending a burst.
     *
     * @return {@code false} when the keep-alive came first: the last frame is to be sent again, and the frame that
     *         is due is still due
     */
    private boolean awaitDue(long idleSince) throws InterruptedException {
        if (intervalNanos == 0) {
            return true;
        }
        long keepAliveAt = idleSince + KEEP_ALIVE.toNanos();
        if (last != null && keepAliveAt < dueNanos) {
            fanout.due().await(dueWait, keepAliveAt);
            return false;
        }
        fanout.due().await(dueWait, dueNanos);
        dueNanos = Math.max(dueNanos + intervalNanos, clock.nanoTime() - intervalNanos);
        return true;
    }

    private StreamFrame fresh(StreamFrame frame) {
        if (intervalNanos == 0 && lastSerial > 0 && frame.serial() > lastSerial + 1) {
            fanout.skipped(frame.serial() - lastSerial - 1);
        }
        lastSerial = frame.serial();
        last = frame;
        lastNewNanos = clock.nanoTime();
        finalFramePending = options.dualFinalFrames();
        return frame;
    }
}

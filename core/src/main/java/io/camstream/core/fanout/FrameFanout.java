package io.camstream.core.fanout;

import io.camstream.spi.Frame;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Hands the newest frame of one source to any number of {@link Viewer}s: the slot they take frames from, the queue
 * where capped viewers wait for their due time, and the clock both keep. Whoever has frames publishes them here;
 * the owner beats it a few times a second while viewers may be waiting, so that a still picture is repeated.
 */
public final class FrameFanout {

    /** How often the owner should call {@link #beat()}; a still frame's repeat comes up to this much late. */
    public static final Duration BEAT = Duration.ofMillis(250);

    private final FrameSlot slot = new FrameSlot();
    private final FeedClock clock;
    private final DueQueue due;
    private final long frameIntervalNanos;
    private final LongConsumer skipped;

    /**
     * @param clock   the time viewers keep
     * @param fps     the source's frame rate
     * @param skipped told how many frames an uncapped viewer missed because it was still busy with an earlier one
     */
    public FrameFanout(FeedClock clock, int fps, LongConsumer skipped) {
        this.clock = clock;
        this.frameIntervalNanos = TimeUnit.SECONDS.toNanos(1) / fps;
        this.due = new DueQueue(clock, frameIntervalNanos / 2);
        this.skipped = skipped;
    }

    /**
     * Makes a frame the newest and wakes the viewers it concerns.
     *
     * @param frame the frame
     * @param live  {@code true} for a camera picture, {@code false} for a generated one
     * @return the frame as viewers get it
     */
    public StreamFrame publish(Frame frame, boolean live) {
        StreamFrame published = slot.publish(frame, live);
        due.release();
        return published;
    }

    /** Marks the newest frame as current again, for those waiting for updates (snapshots); viewers sleep on. */
    public void confirm() {
        slot.confirm();
    }

    /** Wakes waiting viewers, so that those whose time has come repeat their frame or take their due one. */
    public void beat() {
        slot.wake();
        due.release();
    }

    /**
     * A new viewer of this source.
     *
     * @param options what the viewer asked for
     * @param maxFps  the most frames per second it gets; 0 for every frame
     * @param leave   called once when the viewer is closed
     * @return the viewer
     */
    public Viewer viewer(ViewerOptions options, double maxFps, Consumer<Viewer> leave) {
        return new Viewer(this, options, maxFps, leave);
    }

    /** @return the slot viewers take frames from; anyone else may wait on it too */
    public FrameSlot slot() {
        return slot;
    }

    /** Ends every viewer's wait with nothing, now and from now on. */
    public void close() {
        slot.close();
        due.close();
    }

    FeedClock clock() {
        return clock;
    }

    DueQueue due() {
        return due;
    }

    long frameIntervalNanos() {
        return frameIntervalNanos;
    }

    void skipped(long frames) {
        skipped.accept(frames);
    }
}

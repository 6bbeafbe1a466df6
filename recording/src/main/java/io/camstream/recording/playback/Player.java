package io.camstream.recording.playback;

import io.camstream.core.fanout.FrameFanout;
import io.camstream.spi.Frame;

import java.time.Duration;
import java.util.Optional;

/**
 * Plays recorded frames into a {@link FrameFanout} at their original pace (or faster), so that a recording reaches
 * its viewer through the same fan-out and stream code as a live camera: a viewer that cannot keep up skips frames
 * rather than falling behind. A pause longer than {@link #MAX_PAUSE} in the recording (the camera stopped) is cut
 * short. A timelapse plays at its own frame rate instead. When the frames run out the fan-out is closed, which ends
 * the stream.
 */
public final class Player {

    static final Duration MAX_PAUSE = Duration.ofSeconds(2);

    private final RecordedFrames frames;
    private final FrameFanout fanout;
    private final double speed;
    private final Optional<Duration> fixedInterval;

    /**
     * @param frames        what to play
     * @param fanout        where to publish them
     * @param speed         how many times faster than recorded, above 0
     * @param fixedInterval a fixed time between frames (a timelapse's), or empty for the recorded times
     */
    public Player(RecordedFrames frames, FrameFanout fanout, double speed, Optional<Duration> fixedInterval) {
        this.frames = frames;
        this.fanout = fanout;
        this.speed = speed;
        this.fixedInterval = fixedInterval;
    }

    /**
     * Publishes the frames from one on, then closes the fan-out; returns early, closing it too, when interrupted.
     *
     * @param from the index of the first frame to play
     */
    public void play(int from) {
        try {
            // The fan-out's beat lets the viewer repeat a frame during a long pause, as a live camera's does.
            long beat = System.nanoTime();
            long due = beat;
            for (int i = from; i < frames.size(); i++) {
                if (i > from) {
                    due += pause(i);
                }
                long wait = due - System.nanoTime();
                while (wait > 0) {
                    Thread.sleep(Duration.ofNanos(Math.min(wait, FrameFanout.BEAT.toNanos())));
                    wait = due - System.nanoTime();
                    if (System.nanoTime() - beat >= FrameFanout.BEAT.toNanos()) {
                        beat = System.nanoTime();
                        fanout.beat();
                    }
                }
                Optional<Frame> frame = frames.read(i);
                frame.ifPresent(f -> fanout.publish(f, true));
            }
            // the last frame stays up for a moment before the stream ends, as it would in a player
            Thread.sleep(Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            fanout.close();
        }
    }

    private long pause(int index) {
        Duration gap = fixedInterval.orElseGet(() -> Duration.between(frames.time(index - 1), frames.time(index)));
        if (gap.isNegative()) {
            return 0;
        }
        return Math.round(Math.min(gap.toNanos(), MAX_PAUSE.toNanos()) / speed);
    }
}

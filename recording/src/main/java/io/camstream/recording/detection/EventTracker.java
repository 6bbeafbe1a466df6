package io.camstream.recording.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the scores of analysed frames into events: {@code min-frames} consecutive frames over the threshold start
 * one (at the first of them), and {@code event-gap} without motion ends it (at the last frame with motion). A frame
 * where most of the picture changed at once is a light switched on or off, not motion: it counts as quiet, and
 * the next {@link #SETTLE_FRAMES} too, while the camera's exposure settles.
 * <p>
 * Used by one thread.
 */
final class EventTracker {

    static final int SETTLE_FRAMES = 2;

    /** What an analysed frame or a silence changed. */
    sealed interface Change permits Started, Ended {
    }

    /** @param start the capture time of the first frame of the motion that started the event */
    record Started(Instant start) implements Change {
    }

    /** @param lastMotion the capture time of the event's last frame with motion */
    record Ended(Instant lastMotion) implements Change {
    }

    private final double threshold;
    private final double lightSwitch;
    private final int minFrames;
    private final Duration gap;
    private int run;
    private Instant runStart;
    private Instant lastMotion;
    private int settling;
    private boolean active;
    private boolean lastWasMotion;
    private long lightSwitches;

    EventTracker(MotionSettings settings) {
        this.threshold = settings.threshold();
        this.lightSwitch = settings.lightSwitch();
        this.minFrames = settings.minFrames();
        this.gap = settings.eventGap();
    }

    /**
     * Takes an analysed frame.
     *
     * @param time  its capture time
     * @param score the share of the picture that changed
     * @return the event that started or ended with it, if any
     */
    Optional<Change> analysed(Instant time, double score) {
        boolean motion = motion(score);
        lastWasMotion = motion;
        if (motion) {
            if (run == 0) {
                runStart = time;
            }
            run++;
            lastMotion = time;
            if (!active && run >= minFrames) {
                active = true;
                return Optional.of(new Started(runStart));
            }
            return Optional.empty();
        }
        run = 0;
        return silence(time);
    }

    /**
     * Ends the event when the quiet has lasted the event gap by a time, also when no frame comes.
     *
     * @param now the time now, on the clock of the frames' capture times
     * @return the end, if the event ended
     */
    Optional<Change> silence(Instant now) {
        if (active && Duration.between(lastMotion, now).compareTo(gap) >= 0) {
            active = false;
            return Optional.of(new Ended(lastMotion));
        }
        return Optional.empty();
    }

    /** @return whether an event is going on */
    boolean active() {
        return active;
    }

    /** @return the capture time of the last frame with motion, or null before the first */
    Instant lastMotion() {
        return lastMotion;
    }

    /** @return whether the last analysed frame had motion */
    boolean lastWasMotion() {
        return lastWasMotion;
    }

    /** @return frames taken for a change of light */
    long lightSwitches() {
        return lightSwitches;
    }

    private boolean motion(double score) {
        if (score >= lightSwitch) {
            lightSwitches++;
            settling = SETTLE_FRAMES;
            return false;
        }
        if (settling > 0) {
            settling--;
            return false;
        }
        return score >= threshold;
    }
}

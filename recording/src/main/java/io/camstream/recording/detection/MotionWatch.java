package io.camstream.recording.detection;

import java.time.Instant;
import java.util.Optional;

/**
 * A camera's detection without threads or frames: luminance pictures in, event starts and ends out, with the
 * strongest moment of the event so far (its thumbnail is taken there), tagged with what the caller passed along
 * with that picture.
 * <p>
 * Used by one thread.
 */
final class MotionWatch<T> {

    /**
     * @param score the share that changed
     * @param time  when
     * @param tag   what came with the picture
     */
    record Peak<T>(double score, Instant time, T tag) {
    }

    private final MotionDetector detector;
    private final EventTracker tracker;
    private double lastScore;
    private Peak<T> peak;
    private Peak<T> runPeak;

    MotionWatch(MotionSettings settings) {
        this.detector = new MotionDetector(settings);
        this.tracker = new EventTracker(settings);
    }

    /**
     * Analyses a picture.
     *
     * @param time when it was captured
     * @param tag  kept with the peak, if this picture becomes it
     * @return the event that started or ended with it
     */
    Optional<EventTracker.Change> picture(Instant time, T tag, byte[] samples, int width, int height, int stride) {
        lastScore = detector.score(samples, width, height, stride);
        Optional<EventTracker.Change> change = tracker.analysed(time, lastScore);
        if (tracker.lastWasMotion()) {
            Peak<T> now = new Peak<>(lastScore, time, tag);
            runPeak = runPeak == null || now.score() > runPeak.score() ? now : runPeak;
        } else if (!tracker.active()) {
            runPeak = null;
        }
        if (change.isPresent() && change.get() instanceof EventTracker.Started) {
            peak = runPeak;
        } else if (tracker.active() && tracker.lastWasMotion() && lastScore > peak.score()) {
            peak = new Peak<>(lastScore, time, tag);
        }
        return change;
    }

    /** Ends the event when the quiet has lasted the event gap by the given time, also when no frame comes. */
    Optional<EventTracker.Change> silence(Instant now) {
        Optional<EventTracker.Change> change = tracker.silence(now);
        if (change.isPresent()) {
            runPeak = null;
        }
        return change;
    }

    /** @return the score of the last picture */
    double lastScore() {
        return lastScore;
    }

    /** @return the strongest moment of the current or last event */
    Peak<T> peak() {
        return peak;
    }

    /** @return whether an event is going on */
    boolean active() {
        return tracker.active();
    }

    /** @return the capture time of the last frame with motion, or null before the first */
    Instant lastMotion() {
        return tracker.lastMotion();
    }

    /** @return whether the last picture had motion */
    boolean lastWasMotion() {
        return tracker.lastWasMotion();
    }

    /** @return frames taken for a change of light */
    long lightSwitches() {
        return tracker.lightSwitches();
    }
}

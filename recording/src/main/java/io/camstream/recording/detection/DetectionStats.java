package io.camstream.recording.detection;

import java.util.concurrent.atomic.AtomicLong;

/** A camera's detection figures since the server started; read from any thread. */
public final class DetectionStats {

    private final AtomicLong framesAnalysed = new AtomicLong();
    private final AtomicLong framesSkipped = new AtomicLong();
    private final AtomicLong framesUndecodable = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong lightSwitches = new AtomicLong();
    private volatile double lastScore;
    private volatile boolean inEvent;

    void analysed(double score, boolean lightSwitch) {
        framesAnalysed.incrementAndGet();
        lastScore = score;
        if (lightSwitch) {
            lightSwitches.incrementAndGet();
        }
    }

    void skipped(long frames) {
        framesSkipped.addAndGet(frames);
    }

    void undecodable() {
        framesUndecodable.incrementAndGet();
    }

    void eventStarted() {
        events.incrementAndGet();
        inEvent = true;
    }

    void eventEnded() {
        inEvent = false;
    }

    /** @return camera frames analysed */
    public long framesAnalysed() {
        return framesAnalysed.get();
    }

    /** @return camera frames not analysed because detection was still busy with an earlier one */
    public long framesSkipped() {
        return framesSkipped.get();
    }

    /** @return frames the decoder could not read (not a baseline JPEG, damaged) */
    public long framesUndecodable() {
        return framesUndecodable.get();
    }

    /** @return events started */
    public long events() {
        return events.get();
    }

    /** @return frames taken for a change of light rather than motion */
    public long lightSwitches() {
        return lightSwitches.get();
    }

    /** @return the share of the picture that changed in the last analysed frame */
    public double lastScore() {
        return lastScore;
    }

    /** @return whether an event goes on */
    public boolean inEvent() {
        return inEvent;
    }
}

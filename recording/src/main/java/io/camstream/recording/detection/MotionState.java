package io.camstream.recording.detection;

import java.time.Instant;

/**
 * What detection tells the recorder on the capture's thread: whether an event goes on, when it started and when
 * the last motion was. Written by the detection thread, read by the capture thread without locks: the volatile
 * {@code active} is written last on a start and read first.
 */
public final class MotionState {

    private volatile Instant eventStart;
    private volatile Instant lastMotion;
    private volatile boolean active;

    /** @return whether an event goes on */
    public boolean active() {
        return active;
    }

    /** @return the start of the event going on or the last one; null before the first */
    public Instant eventStart() {
        return eventStart;
    }

    /** @return the capture time of the last frame with motion of the event going on or the last; null before */
    public Instant lastMotion() {
        return lastMotion;
    }

    void started(Instant start, Instant motion) {
        eventStart = start;
        lastMotion = motion;
        active = true;
    }

    void motion(Instant motion) {
        lastMotion = motion;
    }

    void ended() {
        active = false;
    }
}

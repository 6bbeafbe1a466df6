package io.camstream.bench.client;

import io.camstream.bench.report.Samples;

/**
 * What the viewers of one selector thread received in the window: frame ages, and the timestamps of the frames
 * normal viewers received, so that the distinct frames the server sent can be counted (slow viewers also receive
 * frames made long before the window). One per thread, so no lock is needed.
 */
final class FrameLog {

    private final Samples ages = new Samples();
    private final Samples slowAges = new Samples();
    private final Samples stamps = new Samples();

    void add(boolean slow, long ageMicros, long timestampMicros) {
        if (slow) {
            slowAges.add(ageMicros);
        } else {
            ages.add(ageMicros);
            stamps.add(timestampMicros);
        }
    }

    /**
     * Adds this thread's log to the totals, once its thread has ended.
     */
    void addTo(FrameLog total) {
        total.ages.addAll(ages);
        total.slowAges.addAll(slowAges);
        total.stamps.addAll(stamps);
    }

    Samples ages() {
        return ages;
    }

    Samples slowAges() {
        return slowAges;
    }

    Samples stamps() {
        return stamps;
    }
}

package io.camstream.core.fanout;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Events per second over the last few seconds, for figures shown to operators. One thread records (the capture,
 * or a viewer's own thread); any thread may read. Recording stores one timestamp in a ring and takes no lock; a
 * reader racing a writer may be off by one event, which a displayed rate can bear.
 */
final class RateMeter {

    /** Enough for 120 events per second over the whole window. */
    private static final int CAPACITY = 512;
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private final LongSupplier nanoTime;
    private final long[] times = new long[CAPACITY];
    private volatile long count;

    RateMeter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void record() {
        long next = count;
        times[(int) (next % CAPACITY)] = nanoTime.getAsLong();
        count = next + 1;
    }

    /**
     * The rate over the last three seconds, or over the time since the first event when that is shorter.
     *
     * @return events per second
     */
    double perSecond() {
        long total = count;
        long now = nanoTime.getAsLong();
        long windowStart = now - WINDOW.toNanos();
        long oldest = now;
        int inWindow = 0;
        for (long i = total - 1; i >= 0 && i >= total - CAPACITY; i--) {
            long t = times[(int) (i % CAPACITY)];
            if (t < windowStart) {
                break;
            }
            oldest = t;
            inWindow++;
        }
        if (inWindow < 2) {
            return inWindow;
        }
        boolean windowFull = total > inWindow;
        long span = windowFull ? WINDOW.toNanos() : now - oldest;
        return span <= 0 ? 0 : (windowFull ? inWindow : inWindow - 1) * 1e9 / span;
    }
}

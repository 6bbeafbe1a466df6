package io.camstream.core.fanout;

import java.util.function.LongSupplier;

/**
 * Events per second over the last few seconds, for figures shown to operators. One thread records (the capture,
 * or a viewer's own thread); any thread may read. Events are counted in quarter-second buckets, so that a meter is
 * under 200 bytes whatever the rate: every viewer has one, and a ring of timestamps (4 kB each) was a sixth of a
 * viewer's memory. Recording takes no lock; a reader racing a writer may be off by one event, which a displayed rate
 * can bear.
 */
final class RateMeter {

    private static final long BUCKET_NANOS = 250_000_000L;
    /** The window: three seconds of whole buckets, the one being filled not counted. */
    private static final int WINDOW_BUCKETS = 12;
    private static final long WINDOW_NANOS = WINDOW_BUCKETS * BUCKET_NANOS;
    /** The window and the bucket being filled, and one more so that a reader never meets a bucket being reused. */
    private static final int RING = WINDOW_BUCKETS + 2;

    private final LongSupplier nanoTime;
    private final long origin;
    /** For each bucket of the ring: its number since {@link #origin} in the high half, its count in the low. */
    private final long[] buckets = new long[RING];
    private long first;
    private volatile long count;

    RateMeter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    void record() {
        long now = nanoTime.getAsLong();
        long number = (now - origin) / BUCKET_NANOS;
        int slot = (int) (number % RING);
        long bucket = buckets[slot];
        buckets[slot] = (bucket >>> 32 == number ? bucket : number << 32) + 1;
        long next = count;
        if (next == 0) {
            first = now;
        }
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
        if (total == 0) {
            return 0;
        }
        if (now - first < WINDOW_NANOS + BUCKET_NANOS) {
            // A young meter: the intervals between its events, as far as there are any.
            return total < 2 ? total : (total - 1) * 1e9 / Math.max(now - first, 1);
        }
        long current = (now - origin) / BUCKET_NANOS;
        long events = 0;
        for (long number = current - WINDOW_BUCKETS; number < current; number++) {
            long bucket = buckets[(int) (number % RING)];
            if (bucket >>> 32 == number) {
                events += bucket & 0xFFFF_FFFFL;
            }
        }
        return events * 1e9 / WINDOW_NANOS;
    }
}

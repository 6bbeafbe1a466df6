package io.camstream.bench.client;

import java.time.Instant;

/**
 * Epoch time from {@link System#nanoTime()}, read once per socket read: cheaper than {@link Instant#now()} and
 * monotonic over a run.
 *
 * @param offsetMicros epoch microseconds minus {@code nanoTime / 1000} at calibration
 */
record WallClock(long offsetMicros) {

    static WallClock calibrate() {
        long before = System.nanoTime();
        Instant now = Instant.now();
        long after = System.nanoTime();
        long nanos = before + (after - before) / 2;
        return new WallClock(now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000 - nanos / 1_000);
    }

    long epochMicros(long nanoTime) {
        return offsetMicros + nanoTime / 1_000;
    }
}

package io.camstream.driver.sim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paces frames on a fixed schedule: slot n is due at start + n periods, so sleeping does not make the rate drift.
 * A caller that fell a whole period or more behind (a stall, a slow consumer) skips the slots it missed instead of
 * bursting to catch up; the gap shows in the slot numbers.
 */
final class Pacer implements AutoCloseable {

    /** The time a pacer keeps: the JVM's clock, or a test's. */
    interface Ticker {

        /** The JVM's monotonic clock, waiting on the closing latch. */
        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void await(CountDownLatch closed, long nanos) throws InterruptedException {
                closed.await(nanos, TimeUnit.NANOSECONDS);
            }
        };

        long nanoTime();

        /** Waits this long, or until the latch is counted down. */
        void await(CountDownLatch closed, long nanos) throws InterruptedException;
    }

    private final long periodNanos;
    private final Ticker ticker;
    private final CountDownLatch closed = new CountDownLatch(1);
    private long startNanos;
    private long nextSlot = -1;

    Pacer(int fps) {
        this(fps, Ticker.SYSTEM);
    }

    Pacer(int fps, Ticker ticker) {
        this.periodNanos = 1_000_000_000L / fps;
        this.ticker = ticker;
    }

    /**
     * Waits until the next slot is due; the first is due at once. Returns early when the pacer is closed.
     *
     * @return the slot's number, counted from 0 at the first call
     * @throws InterruptedException when the waiting thread is interrupted
     */
    long awaitNext() throws InterruptedException {
        long now = ticker.nanoTime();
        if (nextSlot < 0) {
            startNanos = now;
            nextSlot = 0;
        }
        long wait = startNanos + nextSlot * periodNanos - now;
        if (wait > 0) {
            ticker.await(closed, wait);
        } else {
            nextSlot = Math.max(nextSlot, (now - startNanos) / periodNanos);
        }
        return nextSlot++;
    }

    /**
     * Ends the wait in progress, and every later one, at once.
     */
    @Override
    public void close() {
        closed.countDown();
    }
}

package io.camstream.core.fanout;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Viewers waiting until their next frame is due, soonest first. Each is released by the first {@link #release()}
 * (a published frame, or the feed's beat) from a tolerance before its due time: a timed wait per viewer and frame
 * costs a timer each, which at 2,000 viewers capped to 5 fps cost more than writing their frames.
 */
final class DueQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Wait> waits = new PriorityQueue<>(Comparator.comparingLong(w -> w.due));
    private final FeedClock clock;
    private final long toleranceNanos;
    private boolean closed;

    /**
     * @param clock          tells the time
     * @param toleranceNanos how early a wait may be released; half the source's frame interval takes the frame
     *                       that comes closest to the due time
     */
    DueQueue(FeedClock clock, long toleranceNanos) {
        this.clock = clock;
        this.toleranceNanos = toleranceNanos;
    }

    /** One viewer's wait, reused for each of its due times. */
    final class Wait {

        private final Condition released = lock.newCondition();
        private long due;
        private boolean waiting;

        private Wait() {
        }
    }

    Wait newWait() {
        return new Wait();
    }

    /** Waits until about the given time, or until the queue closes. */
    void await(Wait wait, long dueNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (closed || clock.nanoTime() >= dueNanos - toleranceNanos) {
                return;
            }
            wait.due = dueNanos;
            wait.waiting = true;
            waits.add(wait);
            try {
                while (wait.waiting && !closed) {
                    wait.released.await();
                }
            } finally {
                if (wait.waiting) {
                    wait.waiting = false;
                    waits.remove(wait);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Releases every wait whose time has come, give or take the tolerance. */
    void release() {
        lock.lock();
        try {
            long limit = clock.nanoTime() + toleranceNanos;
            for (Wait wait = waits.peek(); wait != null && wait.due <= limit; wait = waits.peek()) {
                waits.poll();
                wait.waiting = false;
                wait.released.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Releases every wait, now and from now on. */
    void close() {
        lock.lock();
        try {
            closed = true;
            waits.forEach(wait -> wait.released.signal());
        } finally {
            lock.unlock();
        }
    }
}

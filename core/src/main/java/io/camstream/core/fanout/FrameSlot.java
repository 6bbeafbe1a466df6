package io.camstream.core.fanout;

import io.camstream.spi.Frame;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The newest frame of one source, for any number of readers: each waits for a frame newer than the last one it
 * took, so a reader that is busy simply gets the newest when it is ready and nothing queues per reader (newest
 * wins). Readers tell frames apart by their serial number; each remembers the number of the last it took.
 * <p>
 * Besides new frames the slot counts updates: a frame published, or the newest frame confirmed as still current
 * because the camera sent it again ({@link #confirm()}, with {@code drop-same-frames}). A snapshot wants a picture
 * the camera delivered after it asked, new or not, and waits for an update; streams wait for new frames only.
 */
public final class FrameSlot {

    /**
     * The newest frame as of an update.
     *
     * @param frame  the newest frame
     * @param number the slot's update count when it was taken
     */
    public record Update(StreamFrame frame, long number) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Apart from changed, so that confirming a frame wakes only those waiting for updates, never the streams.
    private final Condition updated = lock.newCondition();
    private StreamFrame latest;
    private long serial;
    private long updates;
    private long wakeups;
    private boolean closed;

    /**
     * Makes a frame the newest and wakes every reader.
     *
     * @param frame the frame
     * @param live  {@code true} for a camera picture, {@code false} for a generated one
     * @return the frame as readers get it
     */
    public StreamFrame publish(Frame frame, boolean live) {
        lock.lock();
        try {
            latest = new StreamFrame(++serial, frame, live);
            updates++;
            changed.signalAll();
            updated.signalAll();
            return latest;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the newest frame as current again: the camera sent the same picture once more. */
    public void confirm() {
        lock.lock();
        try {
            updates++;
            updated.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return how many frames were published or confirmed so far */
    public long updates() {
        lock.lock();
        try {
            return updates;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for an update after the one the caller saw last, with no time limit.
     *
     * @param seen the update count the caller saw last, 0 for none
     * @return the newest frame and the update count, or empty when the slot closed
     * @throws InterruptedException when interrupted
     */
    public Optional<Update> awaitUpdateAfter(long seen) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && !updatedSince(seen)) {
                updated.await();
            }
            return closed ? Optional.empty() : Optional.of(new Update(latest, updates));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for an update after the one the caller saw last, at most for a while.
     *
     * @param seen    the update count the caller saw last
     * @param timeout the longest wait, in real time
     * @return the newest frame and the update count, or empty when the slot closed or the time ran out
     * @throws InterruptedException when interrupted
     */
    public Optional<Update> awaitUpdateAfter(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!closed && !updatedSince(seen)) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = updated.awaitNanos(nanos);
            }
            return closed ? Optional.empty() : Optional.of(new Update(latest, updates));
        } finally {
            lock.unlock();
        }
    }

    /** @return the serial number of the last frame published, 0 before the first */
    public long serial() {
        lock.lock();
        try {
            return serial;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a frame newer than the one the caller took last.
     *
     * @param seen the serial number of the last frame taken, 0 for none
     * @return the newest frame, or empty when the slot closed
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> awaitAfter(long seen) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!closed && !newer(seen)) {
                changed.await();
            }
            return closed ? Optional.empty() : Optional.of(latest);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a frame newer than the one the caller took last, at most for a while.
     *
     * @param seen    the serial number of the last frame taken, 0 for none
     * @param timeout the longest wait, in real time
     * @return the newest frame, or empty when the slot closed or the time ran out
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!closed && !newer(seen)) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = changed.awaitNanos(nanos);
            }
            return closed ? Optional.empty() : Optional.of(latest);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a frame newer than the one the caller took last, or for the next {@link #wake()}. An untimed wait:
     * a timed park of a virtual thread schedules and cancels a timer task each time, which at hundreds of viewers
     * and 30 fps was a good part of the server's work; a beat that wakes them all a few times a second costs less.
     *
     * @param seen the serial number of the last frame taken, 0 for none
     * @return the newest frame, or empty when woken, or when the slot closed
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> awaitAfterOrWake(long seen) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wakeup = wakeups;
            while (!closed && !newer(seen) && wakeups == wakeup) {
                changed.await();
            }
            return !closed && newer(seen) ? Optional.of(latest) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every reader waiting in {@link #awaitAfterOrWake}, with or without a new frame. */
    public void wake() {
        lock.lock();
        try {
            wakeups++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the newest frame, so that nobody takes a picture from before a pause as if it were live. */
    public void clear() {
        lock.lock();
        try {
            latest = null;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every reader with an empty result, now and from now on. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
            updated.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return {@code true} once closed */
    public boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private boolean updatedSince(long seen) {
        return latest != null && updates > seen;
    }

    private boolean newer(long seen) {
        return latest != null && latest.serial() > seen;
    }
}

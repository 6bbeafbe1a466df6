package io.camstream.core.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One deadline of {@link Deadlines}: armed for an instant, its action runs once when that instant passes, unless it
 * was armed for another instant or disarmed before. Thread-safe; arming and disarming are single atomic writes.
 */
public final class Deadline implements AutoCloseable {

    private static final long DISARMED = Long.MIN_VALUE;

    private final Deadlines owner;
    private final Runnable action;
    private final AtomicLong at = new AtomicLong(DISARMED);

    Deadline(Deadlines owner, Runnable action) {
        this.owner = owner;
        this.action = action;
    }

    /**
     * Arms the deadline for a time from now, replacing any instant it was armed for.
     *
     * @param delay how long from now
     */
    public void armIn(Duration delay) {
        armAt(owner.now() + delay.toNanos());
    }

    /**
     * Arms the deadline for an instant of {@link Deadlines#now()}, replacing any instant it was armed for.
     *
     * @param nanos the instant
     */
    public void armAt(long nanos) {
        at.set(nanos == DISARMED ? nanos + 1 : nanos);
    }

    /**
     * Arms the deadline for the instant given, unless it is armed for an earlier one already.
     *
     * @param nanos the instant, on {@link Deadlines#now()}
     */
    public void armNoLaterThan(long nanos) {
        long wanted = nanos == DISARMED ? nanos + 1 : nanos;
        at.getAndUpdate(current -> current != DISARMED && current - wanted <= 0 ? current : wanted);
    }

    /** Disarms the deadline: its action does not run until it is armed again. */
    public void disarm() {
        at.set(DISARMED);
    }

    /**
     * Whether the deadline is armed.
     *
     * @return {@code true} while armed and not passed
     */
    public boolean armed() {
        return at.get() != DISARMED;
    }

    /** Removes the deadline from its {@link Deadlines}: its action never runs again. */
    @Override
    public void close() {
        disarm();
        owner.remove(this);
    }

    /** Disarms the deadline if it has passed; a deadline armed again meanwhile is left alone. */
    boolean expire(long now) {
        long armed = at.get();
        return armed != DISARMED && now - armed >= 0 && at.compareAndSet(armed, DISARMED);
    }

    Runnable action() {
        return action;
    }
}

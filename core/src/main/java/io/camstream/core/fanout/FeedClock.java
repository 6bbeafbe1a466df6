package io.camstream.core.fanout;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time the fan-out keeps: when a capped viewer's next frame is due, when a still frame is repeated, when the
 * feed's beat wakes waiting viewers, when an idle capture stops. The server runs on {@link #system}; tests run on a
 * clock they advance themselves, so that the fan-out's timing is checked exactly instead of as a rate measured on a
 * busy machine.
 */
public interface FeedClock {

    /**
     * A monotonic time, as {@link System#nanoTime()} gives it.
     *
     * @return nanoseconds since some fixed origin
     */
    long nanoTime();

    /**
     * Runs a task once, after a delay.
     *
     * @param delay how long from now
     * @param task  what to run
     * @return the timer, to cancel it
     */
    Timer schedule(Duration delay, Runnable task);

    /**
     * Runs a task every period, the first time one period from now.
     *
     * @param period how often
     * @param task   what to run
     * @return the timer, to cancel it
     */
    Timer every(Duration period, Runnable task);

    /** A scheduled task. */
    interface Timer {

        /** Stops the task; a run under way is not interrupted. */
        void cancel();
    }

    /**
     * The real clock, its tasks run by a scheduler shared by all feeds.
     *
     * @param timers runs the tasks; its tasks must be short
     * @return the clock
     */
    static FeedClock system(ScheduledExecutorService timers) {
        return new FeedClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Timer schedule(Duration delay, Runnable task) {
                ScheduledFuture<?> future = timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public Timer every(Duration period, Runnable task) {
                long nanos = period.toNanos();
                ScheduledFuture<?> future = timers.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }
}

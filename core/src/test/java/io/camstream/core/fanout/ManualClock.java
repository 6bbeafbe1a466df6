package io.camstream.core.fanout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link FeedClock} that stands still until the test advances it; the tasks whose time comes run on the test's
 * thread, in time order, each at its own time.
 */
final class ManualClock implements FeedClock {

    private final List<Task> tasks = new ArrayList<>();
    private volatile long now;

    private final class Task implements Timer {

        private final Runnable run;
        private final long period;
        private long at;

        private Task(Runnable run, long at, long period) {
            this.run = run;
            this.at = at;
            this.period = period;
        }

        @Override
        public void cancel() {
            synchronized (tasks) {
                tasks.remove(this);
            }
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return add(new Task(task, now + delay.toNanos(), 0));
    }

    @Override
    public Timer every(Duration period, Runnable task) {
        return add(new Task(task, now + period.toNanos(), period.toNanos()));
    }

    /** Moves the time on, running every task that falls due on the way. */
    void advance(Duration duration) {
        long target = now + duration.toNanos();
        for (Optional<Task> task = dueBy(target); task.isPresent(); task = dueBy(target)) {
            task.get().run.run();
        }
        now = target;
    }

    /** @return the time since the clock was made */
    Duration elapsed() {
        return Duration.ofNanos(now);
    }

    private Optional<Task> dueBy(long target) {
        synchronized (tasks) {
            Optional<Task> next = tasks.stream()
                    .filter(t -> t.at <= target)
                    .min(Comparator.comparingLong(t -> t.at));
            next.ifPresent(task -> {
                now = task.at;
                if (task.period > 0) {
                    task.at += task.period;
                } else {
                    tasks.remove(task);
                }
            });
            return next;
        }
    }

    private Task add(Task task) {
        synchronized (tasks) {
            tasks.add(task);
        }
        return task;
    }
}

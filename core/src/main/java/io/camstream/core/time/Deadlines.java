package io.camstream.core.time;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Deadlines checked by one thread, for everything that must end when something has taken too long: a write to a
 * viewer that takes no bytes, a connection that sends no request. Each {@link Deadline} is armed for an instant;
 * when the instant passes before it is armed again or disarmed, its action runs once, on the checking thread.
 * Arming is one volatile write, cheap enough for every frame written to every viewer; the thread looks at every
 * deadline once per tick, so an action runs at most a tick late. Actions must be short (close a channel, interrupt a
 * thread, write a log line), since the other deadlines wait for them.
 */
public final class Deadlines implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Deadlines.class.getName());

    private final LongSupplier clock;
    private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
    private final Thread checker;
    private volatile boolean closed;

    private Deadlines(LongSupplier clock, String name, Duration tick) {
        this.clock = clock;
        this.checker = name == null ? null : Thread.ofPlatform().name(name).daemon().start(() -> run(tick));
    }

    /**
     * Starts a thread that checks the deadlines every tick, on {@link System#nanoTime()}.
     *
     * @param name the thread's name
     * @param tick how often the deadlines are checked: the most an action can be late
     * @return the running deadlines
     */
    public static Deadlines start(String name, Duration tick) {
        return new Deadlines(System::nanoTime, name, tick);
    }

    /**
     * Deadlines on a clock of the caller's, checked only when the caller calls {@link #check()}: for tests.
     *
     * @param clock nanoseconds, as {@link System#nanoTime()} counts them
     * @return deadlines without a thread
     */
    public static Deadlines manual(LongSupplier clock) {
        return new Deadlines(clock, null, null);
    }

    /**
     * A new deadline, not armed yet.
     *
     * @param action what to do when the deadline passes; it runs on the checking thread
     * @return the deadline; close it when it is no longer needed
     */
    public Deadline add(Runnable action) {
        Deadline deadline = new Deadline(this, action);
        deadlines.add(deadline);
        return deadline;
    }

    /**
     * Runs an action every period, the first time one period from now, until the returned deadline is closed.
     *
     * @param period the time between two runs
     * @param action what to run
     * @return the deadline that re-arms itself
     */
    public Deadline every(Duration period, Runnable action) {
        Deadline[] self = new Deadline[1];
        self[0] = add(() -> {
            try {
                action.run();
            } finally {
                self[0].armIn(period);
            }
        });
        self[0].armIn(period);
        return self[0];
    }

    /**
     * The clock the deadlines are measured on.
     *
     * @return now, in nanoseconds
     */
    public long now() {
        return clock.getAsLong();
    }

    /** Runs the action of every deadline that has passed. The checking thread calls this every tick. */
    public void check() {
        long now = now();
        for (Deadline deadline : deadlines) {
            if (deadline.expire(now)) {
                try {
                    deadline.action().run();
                } catch (RuntimeException e) {
                    LOGGER.log(System.Logger.Level.WARNING, "A deadline's action failed", e);
                }
            }
        }
    }

    /** The number of deadlines added and not closed, armed or not. */
    int size() {
        return deadlines.size();
    }

    void remove(Deadline deadline) {
        deadlines.remove(deadline);
    }

    /** Stops the checking thread; no action runs after this returns, except one that is running now. */
    @Override
    public void close() {
        closed = true;
        if (checker != null) {
            checker.interrupt();
        }
    }

    private void run(Duration tick) {
        try {
            while (!closed) {
                Thread.sleep(tick);
                if (!closed) {
                    check();
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }
}

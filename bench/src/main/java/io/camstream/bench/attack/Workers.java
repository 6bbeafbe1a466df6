package io.camstream.bench.attack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Attacking clients on virtual threads, each doing one thing again and again until the attack's time is up.
 */
final class Workers {

    /** One round of one worker; an {@link IOException} means the server closed first, one way a round ends. */
    @FunctionalInterface
    interface Round {
        void run(int worker, long round) throws Exception;
    }

    /** One worker's whole attack, for those that keep their own connection across rounds. */
    @FunctionalInterface
    interface Body {
        void run(int worker, long deadlineNanos) throws Exception;
    }

    private Workers() {
    }

    /**
     * Runs rounds on the given number of workers until the time is up.
     *
     * @return the rounds done, those cut short by the server included
     * @throws IllegalStateException with the first failure that was not an I/O one
     */
    static long repeat(int workers, Duration length, Round round) throws InterruptedException {
        return paced(workers, length, 0, round);
    }

    /**
     * Runs rounds on the given number of workers until the time is up, at most so many a second in all.
     *
     * @param perSecond rounds a second of all workers together; 0 for as fast as they go
     * @return the rounds done, those cut short by the server included
     * @throws IllegalStateException with the first failure that was not an I/O one
     */
    static long paced(int workers, Duration length, double perSecond, Round round) throws InterruptedException {
        AtomicLong rounds = new AtomicLong();
        long interval = perSecond == 0 ? 0 : (long) (workers * 1e9 / perSecond);
        run(workers, length, (worker, deadline) -> {
            long start = System.nanoTime();
            for (long n = 0; System.nanoTime() - deadline < 0; n++) {
                try {
                    round.run(worker, n);
                } catch (IOException e) {
                    // the server closed first
                }
                rounds.incrementAndGet();
                long due = start + (n + 1) * interval;
                long wait = Math.min(due, deadline) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
        });
        return rounds.get();
    }

    /**
     * Runs each worker's body once, all at the same time, and waits for them.
     *
     * @throws IllegalStateException with the first failure that was not an I/O one
     */
    static void run(int workers, Duration length, Body body) throws InterruptedException {
        long deadline = System.nanoTime() + length.toNanos();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().name("attacker-" + w).start(() -> {
                try {
                    body.run(worker, deadline);
                } catch (IOException e) {
                    // the server closed first
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an attacker failed: " + failure.get(), failure.get());
        }
    }
}

package io.camstream.server.auth;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where password hashes are checked: a few platform threads with a short queue, apart from the request threads.
 * A PBKDF2 check costs about 0.12 s of CPU by design; run on a request's virtual thread it holds one of the few
 * carrier threads all that time, so forty addresses guessing passwords stopped every stream on a two-core machine.
 * Here the request's thread parks (freeing its carrier) until its check is done, at most {@code threads} checks
 * run at once, and when the queue is full a login is refused at once: guessing slows the guessers, not the
 * streams. Logins already verified never come here ({@link Credentials} remembers them).
 */
final class PasswordChecks implements AutoCloseable {

    /** Too many logins are being checked; the client should try again shortly. */
    static final class Busy extends Exception {
        Busy() {
            super("too many logins are being checked right now", null, false, false);
        }
    }

    private final ThreadPoolExecutor executor;
    private final AtomicLong checked = new AtomicLong();

    /**
     * Starts the threads.
     *
     * @param threads checks at once
     * @param queue   checks that may wait for a thread
     */
    PasswordChecks(int threads, int queue) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("password-check-", 1).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The threads this machine gets: half its cores, at least one, so requests always keep a core of their own.
     *
     * @return the default size
     */
    static PasswordChecks forThisMachine() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new PasswordChecks(threads, 4 * threads);
    }

    /**
     * Checks a password against a hash on one of the threads, waiting for the answer.
     *
     * @param hash     the stored hash
     * @param password the password sent; cleared once checked
     * @return whether it matches
     * @throws Busy                 when every thread and queue place is taken
     * @throws InterruptedException when the waiting request is interrupted
     */
    boolean matches(PasswordHash hash, char[] password) throws Busy, InterruptedException {
        Future<Boolean> check;
        try {
            check = executor.submit(() -> {
                checked.incrementAndGet();
                return hash.matches(password);
            });
        } catch (RejectedExecutionException e) {
            Arrays.fill(password, '\0');
            throw new Busy();
        }
        try {
            return check.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a password check failed", e.getCause());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Hashes checked so far.
     *
     * @return the count
     */
    long checked() {
        return checked.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

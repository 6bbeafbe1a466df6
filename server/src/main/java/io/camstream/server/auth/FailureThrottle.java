package io.camstream.server.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: a client address that fails to log in as one user name {@code limit} times within
 * a window is refused for that name for the block time. Counting by address and name together means a stranger's
 * guesses cost nobody else anything: the same user logs in from another address, and others log in from the
 * guesser's (all clients behind one proxy share an address unless {@code trusted-proxies} names the proxy). A
 * credential already verified is served from {@link Credentials}' cache before the throttle is asked, so a
 * logged-in user is not locked out even from the guesser's address. Each blocking episode is logged once. At most
 * {@code capacity} pairs are remembered (the least recently seen are forgotten first), so a flood of addresses or
 * names cannot exhaust memory.
 */
final class FailureThrottle {

    private static final System.Logger LOGGER = System.getLogger(FailureThrottle.class.getName());

    private final int limit;
    private final long windowNanos;
    private final long blockNanos;
    private final LongSupplier clock;
    private final Map<Attempt, Failures> byAttempt;

    FailureThrottle(int limit, Duration window, Duration block, int capacity, LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.blockNanos = block.toNanos();
        this.clock = clock;
        this.byAttempt = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Attempt, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Who tried to log in as whom.
     *
     * @param address the real client's address
     * @param user    the user name it sent
     */
    record Attempt(InetAddress address, String user) {
    }

    /**
     * How long an address is still refused for a user name.
     *
     * @param attempt the client's address and the name it tries
     * @return the time left, zero when it may try
     */
    synchronized Duration blockedFor(Attempt attempt) {
        Failures failures = byAttempt.get(attempt);
        if (failures == null || failures.blockedUntil == 0) {
            return Duration.ZERO;
        }
        long left = failures.blockedUntil - clock.getAsLong();
        if (left <= 0) {
            byAttempt.remove(attempt);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    /**
     * Counts a failed login.
     *
     * @param attempt the client's address and the name it tried
     */
    synchronized void failed(Attempt attempt) {
        long now = clock.getAsLong();
        Failures failures = byAttempt.computeIfAbsent(attempt, a -> new Failures(now));
        if (now - failures.windowStart > windowNanos) {
            failures.windowStart = now;
            failures.count = 0;
        }
        failures.count++;
        if (failures.count >= limit && failures.blockedUntil == 0) {
            failures.blockedUntil = now + blockNanos;
            // The name is the guesser's text and stays out of the log.
            LOGGER.log(System.Logger.Level.WARNING, "{0} failed to log in {1} times within {2} s as one user name; "
                            + "refusing that name from that address for {3} s",
                    attempt.address().getHostAddress(), failures.count, Duration.ofNanos(windowNanos).toSeconds(),
                    Duration.ofNanos(blockNanos).toSeconds());
        }
    }

    synchronized int remembered() {
        return byAttempt.size();
    }

    private static final class Failures {
        private long windowStart;
        private int count;
        private long blockedUntil;

        private Failures(long windowStart) {
            this.windowStart = windowStart;
        }
    }
}

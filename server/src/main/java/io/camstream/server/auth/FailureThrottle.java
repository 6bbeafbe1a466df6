package io.camstream.server.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: an address that fails to log in {@code limit} times within a window is refused
 * for the block time, whatever it sends. Each blocking episode is logged once. At most {@code capacity} addresses
 * are remembered (the least recently seen are forgotten first), so a flood of addresses cannot exhaust memory.
 */
final class FailureThrottle {

    private static final System.Logger LOGGER = System.getLogger(FailureThrottle.class.getName());

    private final int limit;
    private final long windowNanos;
    private final long blockNanos;
    private final LongSupplier clock;
    private final Map<InetAddress, Failures> byAddress;

    FailureThrottle(int limit, Duration window, Duration block, int capacity, LongSupplier clock) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.blockNanos = block.toNanos();
        this.clock = clock;
        this.byAddress = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * How long an address is still refused.
     *
     * @param address the client's address
     * @return the time left, zero when it may try
     */
    synchronized Duration blockedFor(InetAddress address) {
        Failures failures = byAddress.get(address);
        if (failures == null || failures.blockedUntil == 0) {
            return Duration.ZERO;
        }
        long left = failures.blockedUntil - clock.getAsLong();
        if (left <= 0) {
            byAddress.remove(address);
            return Duration.ZERO;
        }
        return Duration.ofNanos(left);
    }

    /**
     * Counts a failed login.
     *
     * @param address the client's address
     */
    synchronized void failed(InetAddress address) {
        long now = clock.getAsLong();
        Failures failures = byAddress.computeIfAbsent(address, a -> new Failures(now));
        if (now - failures.windowStart > windowNanos) {
            failures.windowStart = now;
            failures.count = 0;
        }
        failures.count++;
        if (failures.count >= limit && failures.blockedUntil == 0) {
            failures.blockedUntil = now + blockNanos;
            LOGGER.log(System.Logger.Level.WARNING, "{0} failed to log in {1} times within {2} s; refusing it for {3} s",
                    address.getHostAddress(), failures.count, Duration.ofNanos(windowNanos).toSeconds(),
                    Duration.ofNanos(blockNanos).toSeconds());
        }
    }

    synchronized int remembered() {
        return byAddress.size();
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

package io.camstream.server.net;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate of new connections per client address ({@code connection-rate-per-client}): each address may open that
 * many a second, and up to {@link #BURST} worth of them at once. Kept as one time per address, the moment by which
 * its allowance is whole again (the generic cell rate algorithm, a token bucket without tokens), so that an
 * address costs a map entry only while it has connected within the last {@link #BURST}.
 * <p>
 * Not thread-safe: the gate calls it under its own lock.
 */
final class ConnectionRate {

    /** How much of its rate a client may use at once: a page opening its connections together, a reconnect. */
    static final Duration BURST = Duration.ofSeconds(2);

    private final Map<ClientAddress, Long> wholeAt = new HashMap<>();

    /**
     * Takes one new connection from a client's allowance.
     *
     * @param client    the address
     * @param perSecond the rate; 0 for no limit
     * @param now       the gate's clock, in nanoseconds
     * @return {@code false} when the client has used its allowance up: the connection is to be refused
     */
    boolean take(ClientAddress client, int perSecond, long now) {
        if (perSecond <= 0) {
            return true;
        }
        long interval = Duration.ofSeconds(1).toNanos() / perSecond;
        long whole = Math.max(wholeAt.getOrDefault(client, now), now);
        if (whole + interval - now > BURST.toNanos()) {
            return false;
        }
        wholeAt.put(client, whole + interval);
        return true;
    }

    /**
     * Forgets the clients whose allowance is whole again: they are where a client never seen is.
     *
     * @param now the gate's clock, in nanoseconds
     */
    void forgetWhole(long now) {
        wholeAt.values().removeIf(whole -> whole - now <= 0);
    }

    /** How many clients it holds a time for. */
    int clients() {
        return wholeAt.size();
    }
}

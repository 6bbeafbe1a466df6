package io.camstream.server.net;

import io.camstream.core.time.Deadline;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One accepted connection as the gate sees it: who it is from, when it came, whether requests are being served on it,
 * and the deadline that closes it when it takes too long to send a request head or sits idle too long.
 */
final class Connection {

    private final SocketChannel channel;
    private final PeerKey key;
    private final ClientAddress client;
    private final boolean trusted;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long idleSince;
    private volatile boolean served;
    private volatile boolean readingHead;
    private Deadline deadline;

    Connection(SocketChannel channel, PeerKey key, ClientAddress client, boolean trusted, long acceptedAt) {
        this.channel = channel;
        this.key = key;
        this.client = client;
        this.trusted = trusted;
        this.idleSince = acceptedAt;
    }

    void deadline(Deadline deadline) {
        this.deadline = deadline;
    }

    Deadline deadline() {
        return deadline;
    }

    PeerKey key() {
        return key;
    }

    SocketChannel channel() {
        return channel;
    }

    ClientAddress client() {
        return client;
    }

    boolean trusted() {
        return trusted;
    }

    /** Idle connections are the ones closed first when room is needed; a busy one is never closed for room. */
    boolean idle() {
        return inFlight.get() == 0;
    }

    /** Since when no request has been served: its acceptance, or the end of its last request. */
    long idleSince() {
        return idleSince;
    }

    /** Whether it is waiting for its first request head; a later one's lateness is another matter. */
    boolean awaitingFirstHead() {
        return !served;
    }

    /** Whether the request line of a later request has come and its headers have not. */
    boolean readingHead() {
        return readingHead;
    }

    boolean open() {
        return channel.isOpen();
    }

    void headStarted() {
        readingHead = true;
    }

    /** A request head is complete: the connection is no longer late, and idle until its request is routed. */
    void headComplete(long now) {
        served = true;
        readingHead = false;
        idleSince = now;
    }

    void requestStarted() {
        served = true;
        readingHead = false;
        inFlight.incrementAndGet();
    }

    /** @return whether no request is left in flight (HTTP/2 serves several at once) */
    boolean requestEnded(long now) {
        idleSince = now;
        return inFlight.decrementAndGet() == 0;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed as far as anyone is concerned
        }
    }

    @Override
    public String toString() {
        return key + (idle() ? " idle" : " busy");
    }
}

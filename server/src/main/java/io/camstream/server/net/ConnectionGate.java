package io.camstream.server.net;

import io.camstream.core.time.Deadline;
import io.camstream.core.time.Deadlines;
import io.camstream.server.log.Incident;
import io.camstream.server.log.IncidentLog;
import io.helidon.common.context.Context;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one place every connection passes, before TLS and before its first byte: {@link GatedServerSocketChannel}
 * hands it each accepted channel, and Helidon's side ({@link RequestTracking}) tells it when a request head was read
 * and when a request started and ended. With that it
 * <ul>
 *     <li>closes a connection that has not sent a complete request line and headers within
 *     {@code header-read-timeout} of being accepted (TLS handshake included, on every protocol), or of a later
 *     request line;</li>
 *     <li>closes a connection idle between requests for {@code keep-alive-timeout};</li>
 *     <li>caps connections per client address ({@code max-connections-per-client}; trusted proxies are exempt) and
 *     in all ({@code max-connections}), closing the oldest idle ones first and refusing a new one only when none is
 *     idle;</li>
 *     <li>refuses a client's new connections beyond {@code connection-rate-per-client} a second, before their TLS
 *     handshake ({@link ConnectionRate}; trusted proxies are exempt);</li>
 *     <li>takes the listener's accept failures (out of descriptors or memory): closes idle connections so that the
 *     listener can go on after a pause, and reports a listener that ended anyway.</li>
 * </ul>
 * Its figures are in the health check and the metrics.
 */
public final class ConnectionGate implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(ConnectionGate.class.getName());
    private static final Duration SWEEP = Duration.ofSeconds(1);
    /** Out of the connections open, the share of idle ones closed at once when room is needed in all. */
    private static final int ROOM_BATCH_DIVISOR = 64;
    /** Out of the connections open, the share of idle ones closed at each accept failure. */
    private static final int RELIEF_DIVISOR = 16;

    private final Deadlines deadlines;
    private final IncidentLog incidents;
    private volatile ConnectionSettings settings;
    private final Map<PeerKey, Connection> byPeer = new ConcurrentHashMap<>();
    /** By the identity hash of their channel, as Helidon names connections in its log lines. */
    private final Map<Integer, Connection> byChannelId = new ConcurrentHashMap<>();
    private final Map<ClientAddress, List<Connection>> byClient = new HashMap<>();
    private final ConnectionRate rate = new ConnectionRate();
    private final Deadline sweep;
    private int open;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong evicted = new AtomicLong();
    private final AtomicLong slowHeads = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final AtomicLong acceptFailures = new AtomicLong();
    private volatile AcceptFailure lastAcceptFailure;
    private volatile String listenerLost;
    private volatile Consumer<String> onListenerLost = reason -> { };
    private volatile boolean stopping;

    /**
     * Creates the gate; it sees connections once its {@link #context()} is the web server's.
     *
     * @param settings  the limits
     * @param deadlines closes connections that wait too long
     * @param incidents where slow heads, refusals and accept failures are counted
     */
    public ConnectionGate(ConnectionSettings settings, Deadlines deadlines, IncidentLog incidents) {
        this.settings = settings;
        this.deadlines = deadlines;
        this.incidents = incidents;
        this.sweep = deadlines.every(SWEEP, this::sweep);
    }

    /**
     * Whether connections pass a gate at all: only in a JVM started with {@link GatedSelectorProvider}.
     *
     * @return {@code true} when they do
     */
    public static boolean installed() {
        return GatedSelectorProvider.installed();
    }

    /**
     * The Helidon context to give the web server ({@code serverContext}): {@link GatedSelectorProvider} finds the
     * gate in it when a listener opens its server socket.
     *
     * @return a context holding this gate
     */
    public Context context() {
        Context context = Context.builder().id("camstream-connections").build();
        context.register(this);
        return context;
    }

    /**
     * What to do when a listener ends while the server is not being stopped: the process should exit so that its
     * supervisor starts it anew.
     *
     * @param action called once, with the reason
     */
    public void onListenerLost(Consumer<String> action) {
        this.onListenerLost = action;
    }

    /** The server is being stopped: listeners that close from now on are expected to. */
    public void stopping() {
        stopping = true;
    }

    /**
     * Holds connections to other limits from now on (the configuration changed): times count for each deadline set
     * from now on, a trusted proxy is told by its address for each connection accepted from now on, and caps are
     * enforced for each new connection, which closes idle connections over a lowered cap to make room; connections
     * busy with a request stay until it ends.
     *
     * @param next the limits in force
     */
    public void update(ConnectionSettings next) {
        settings = next;
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    public ConnectionSettings settings() {
        return settings;
    }

    /**
     * What the gate has seen, for health and metrics.
     *
     * @return the figures now
     */
    public ConnectionFigures figures() {
        int openNow;
        int clients;
        ClientAddress busiest = null;
        int busiestCount = 0;
        synchronized (this) {
            pruneClosed();
            openNow = open;
            clients = byClient.size();
            for (Map.Entry<ClientAddress, List<Connection>> entry : byClient.entrySet()) {
                if (entry.getValue().size() > busiestCount) {
                    busiest = entry.getKey();
                    busiestCount = entry.getValue().size();
                }
            }
        }
        AcceptFailure failure = lastAcceptFailure;
        return new ConnectionFigures(openNow, clients, Optional.ofNullable(busiest).map(ClientAddress::toString),
                busiestCount, accepted.get(), refused.get(), evicted.get(), slowHeads.get(), idleClosed.get(),
                acceptFailures.get(), Optional.ofNullable(failure).map(AcceptFailure::message),
                Optional.ofNullable(failure).map(AcceptFailure::time), Optional.ofNullable(listenerLost));
    }

    /** Admits an accepted channel, making room if it must; a refused channel is closed. */
    boolean admit(SocketChannel channel) {
        PeerKey key = key(channel);
        if (key == null) {
            close(channel);
            return false;
        }
        ClientAddress client = ClientAddress.of(key.remote().getAddress());
        boolean trusted = settings.trustedProxies().trusts(key.remote().getAddress());
        long now = deadlines.now();
        Connection connection = new Connection(channel, key, client, trusted, now);
        Deadline deadline = deadlines.add(() -> expired(connection));
        connection.deadline(deadline);
        synchronized (this) {
            // the rate first: a refused newcomer must not have closed an idle connection to make room
            Incident refusal = !trusted && !rate.take(client, settings.connectionRatePerClient(), now)
                    ? Incident.REFUSED_RATE
                    : !trusted && !roomFor(client) ? Incident.REFUSED_PER_CLIENT
                    : !roomInAll() ? Incident.REFUSED_IN_ALL : null;
            if (refusal != null) {
                deadline.close();
                refused.incrementAndGet();
                incidents.report(refusal, client.toString());
                close(channel);
                return false;
            }
            byClient.computeIfAbsent(client, c -> new ArrayList<>()).add(connection);
            byPeer.put(key, connection);
            byChannelId.put(System.identityHashCode(channel), connection);
            open++;
        }
        deadline.armAt(now + headerTimeout());
        accepted.incrementAndGet();
        return true;
    }

    /**
     * The listener could not accept: notes why, and closes some of the oldest idle connections so that descriptors
     * and memory come back.
     *
     * @param failure what accept threw
     */
    void acceptFailed(Throwable failure) {
        acceptFailures.incrementAndGet();
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        lastAcceptFailure = new AcceptFailure(message, Instant.now());
        incidents.report(Incident.ACCEPT_FAILED, message);
        synchronized (this) {
            pruneClosed();
            List<Connection> all = new ArrayList<>();
            byClient.values().forEach(all::addAll);
            evictOldestIdle(all, Math.max(1, open / RELIEF_DIVISOR));
            pruneClosed();
        }
    }

    /** A listener's server socket was closed; unless the server is stopping, the listener is lost. */
    void listenerClosed(SocketAddress address) {
        if (stopping) {
            return;
        }
        String reason = "the listener on " + address + " stopped accepting connections";
        listenerLost = reason;
        LOGGER.log(System.Logger.Level.ERROR, reason);
        onListenerLost.accept(reason);
    }

    /** The request line of a request after the first was read: its headers get {@code header-read-timeout}. */
    void headStarted(PeerKey key) {
        Connection connection = find(key);
        if (connection != null && connection.idle()) {
            connection.headStarted();
            connection.deadline().armNoLaterThan(deadlines.now() + headerTimeout());
        }
    }

    /** A request head is complete; until its request is routed, the connection counts as idle. */
    void headRead(PeerKey key) {
        Connection connection = find(key);
        if (connection != null && connection.idle()) {
            long now = deadlines.now();
            connection.headComplete(now);
            connection.deadline().armAt(now + keepAlive());
        }
    }

    /**
     * A request is being served: its connection is busy, with no deadline, until {@link #requestEnded}.
     *
     * @return the connection, or {@code null} when it did not pass the gate
     */
    Connection requestStarted(PeerKey key) {
        Connection connection = find(key);
        if (connection != null) {
            connection.requestStarted();
            connection.deadline().disarm();
        }
        return connection;
    }

    void requestEnded(Connection connection) {
        long now = deadlines.now();
        if (connection.requestEnded(now)) {
            connection.deadline().armAt(now + keepAlive());
        }
    }

    /**
     * The client of the connection whose channel has this identity hash, as Helidon names channels in its logs.
     *
     * @param identityHash {@code System.identityHashCode} of the accepted channel
     * @return the client's address (an IPv6 client's /64), if the connection is open
     */
    public Optional<String> clientOfChannel(int identityHash) {
        return Optional.ofNullable(byChannelId.get(identityHash)).map(connection -> connection.client().toString());
    }

    @Override
    public void close() {
        sweep.close();
        synchronized (this) {
            byClient.values().forEach(list -> list.forEach(connection -> connection.deadline().close()));
            byClient.clear();
            byPeer.clear();
            byChannelId.clear();
            open = 0;
        }
    }

    private long headerTimeout() {
        return settings.headerReadTimeout().toNanos();
    }

    private long keepAlive() {
        return settings.keepAliveTimeout().toNanos();
    }

    private Connection find(PeerKey key) {
        return key == null ? null : byPeer.get(key);
    }

    private void expired(Connection connection) {
        if (!connection.idle() || !connection.open()) {
            return;
        }
        if (connection.awaitingFirstHead() || connection.readingHead()) {
            slowHeads.incrementAndGet();
            incidents.report(Incident.SLOW_HEAD, connection.client().toString());
        } else {
            idleClosed.incrementAndGet();
            LOGGER.log(System.Logger.Level.DEBUG, "Closing {0}: idle for {1} ms", connection,
                    settings.keepAliveTimeout().toMillis());
        }
        connection.close();
    }

    /** Whether the client may open one more, after closing its oldest idle connection if it must. */
    private boolean roomFor(ClientAddress client) {
        List<Connection> connections = byClient.get(client);
        if (connections == null || connections.size() < settings.maxConnectionsPerClient()) {
            return true;
        }
        connections.removeIf(this::forgetIfClosed);
        if (connections.size() < settings.maxConnectionsPerClient()) {
            return true;
        }
        if (evictOldestIdle(connections, 1) == 0) {
            return false;
        }
        connections.removeIf(this::forgetIfClosed);
        return true;
    }

    /** Whether one more may open in all, after closing a batch of the oldest idle connections if it must. */
    private boolean roomInAll() {
        if (open < settings.maxConnections()) {
            return true;
        }
        pruneClosed();
        if (open < settings.maxConnections()) {
            return true;
        }
        List<Connection> all = new ArrayList<>();
        byClient.values().forEach(all::addAll);
        if (evictOldestIdle(all, Math.max(1, open / ROOM_BATCH_DIVISOR)) == 0) {
            return false;
        }
        pruneClosed();
        return true;
    }

    /** Closes up to n of the idle connections among the candidates, those idle the longest first. */
    private int evictOldestIdle(Collection<Connection> candidates, int n) {
        List<Connection> oldest = candidates.stream()
                .filter(Connection::idle)
                .filter(Connection::open)
                .sorted(Comparator.comparingLong(Connection::idleSince))
                .limit(n)
                .toList();
        for (Connection connection : oldest) {
            connection.close();
            evicted.incrementAndGet();
            incidents.report(Incident.EVICTED, connection.client().toString());
        }
        return oldest.size();
    }

    private void sweep() {
        long now = deadlines.now();
        synchronized (this) {
            pruneClosed();
            rate.forgetWhole(now);
        }
    }

    /** Forgets every connection whose channel is closed, by Helidon, by its client or by the gate. */
    private void pruneClosed() {
        byClient.values().removeIf(connections -> {
            connections.removeIf(this::forgetIfClosed);
            return connections.isEmpty();
        });
    }

    private boolean forgetIfClosed(Connection connection) {
        if (connection.open()) {
            return false;
        }
        connection.deadline().close();
        byPeer.remove(connection.key(), connection);
        byChannelId.remove(System.identityHashCode(connection.channel()), connection);
        open--;
        return true;
    }

    private static PeerKey key(SocketChannel channel) {
        try {
            if (channel.getRemoteAddress() instanceof InetSocketAddress remote
                    && channel.getLocalAddress() instanceof InetSocketAddress local) {
                return new PeerKey(remote, local.getPort());
            }
        } catch (IOException e) {
            // the client is gone already
        }
        return null;
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    private record AcceptFailure(String message, Instant time) {
    }
}

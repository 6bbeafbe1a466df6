package io.camstream.server.observe;

import io.camstream.server.net.ConnectionFigures;
import io.camstream.server.net.ConnectionGate;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The connection gate's figures as meters, read when scraped: connections open, and counters of those accepted,
 * refused, closed to make room, closed for slow request heads or idleness, and of the listener's accept failures.
 * Closing removes them.
 */
public final class ConnectionMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final ConnectionGate gate;
    private final List<Meter> meters = new ArrayList<>();

    private ConnectionMeters(MeterRegistry registry, ConnectionGate gate) {
        this.registry = registry;
        this.gate = gate;
    }

    /**
     * Registers the meters.
     *
     * @param registry the registry {@code /observe/metrics} shows
     * @param gate     the gate whose figures they show
     * @return the registration; close it to remove the meters
     */
    public static ConnectionMeters register(MeterRegistry registry, ConnectionGate gate) {
        ConnectionMeters meters = new ConnectionMeters(registry, gate);
        meters.meters.add(registry.getOrCreate(Gauge.builder("camstream.connections.open", gate,
                        g -> g.figures().open())
                .description("Connections open now")));
        meters.counter("camstream.connections.accepted", "Connections admitted", ConnectionFigures::accepted);
        meters.counter("camstream.connections.refused", "Connections refused: no idle one could make room",
                ConnectionFigures::refused);
        meters.counter("camstream.connections.evicted", "Idle connections closed to make room for new ones",
                ConnectionFigures::evicted);
        meters.counter("camstream.connections.slow.heads", "Connections closed for sending no complete request "
                + "head within header-read-timeout", ConnectionFigures::slowHeads);
        meters.counter("camstream.connections.idle.closed", "Connections closed after keep-alive-timeout without "
                + "a request", ConnectionFigures::idleClosed);
        meters.counter("camstream.accept.failures", "Times the listener could not accept a connection (out of "
                + "descriptors or memory)", ConnectionFigures::acceptFailures);
        return meters;
    }

    private void counter(String name, String description, ToLongFunction<ConnectionFigures> value) {
        meters.add(registry.getOrCreate(FunctionalCounter.builder(name, gate,
                        g -> value.applyAsLong(g.figures()))
                .description(description)));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}

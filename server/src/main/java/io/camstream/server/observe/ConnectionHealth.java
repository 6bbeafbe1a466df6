package io.camstream.server.observe;

import io.camstream.server.net.ConnectionFigures;
import io.camstream.server.net.ConnectionGate;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Liveness of the server: down once a listener stopped accepting for good (the process then exits so that its
 * supervisor restarts it), with what the connection gate has seen: connections open, refused, closed for being slow
 * or idle, and the listener's accept failures (out of descriptors or memory), the last one with its time.
 */
final class ConnectionHealth implements HealthCheck {

    private final ConnectionGate gate;

    ConnectionHealth(ConnectionGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.LIVENESS;
    }

    @Override
    public String name() {
        return "server";
    }

    @Override
    public HealthCheckResponse call() {
        ConnectionFigures figures = gate.figures();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(figures.listenerLost().isEmpty())
                .detail("connectionGate", ConnectionGate.installed())
                .detail("connections", figures.open())
                .detail("maxConnections", gate.settings().maxConnections())
                .detail("maxConnectionsPerClient", gate.settings().maxConnectionsPerClient())
                .detail("connectionRatePerClient", gate.settings().connectionRatePerClient())
                .detail("clients", figures.clients())
                .detail("connectionsAccepted", figures.accepted())
                .detail("connectionsRefused", figures.refused())
                .detail("idleConnectionsClosedForRoom", figures.evicted())
                .detail("connectionsClosedForSlowHeads", figures.slowHeads())
                .detail("connectionsClosedIdle", figures.idleClosed())
                .detail("acceptFailures", figures.acceptFailures());
        figures.busiestClient().ifPresent(client -> response
                .detail("busiestClient", client)
                .detail("busiestClientConnections", figures.busiestClientOpen()));
        figures.lastAcceptFailure().ifPresent(message -> response.detail("lastAcceptFailure", message));
        figures.lastAcceptFailureTime().ifPresent(time -> response.detail("lastAcceptFailureTime", time.toString()));
        figures.listenerLost().ifPresent(reason -> response.detail("listenerLost", reason));
        return response.build();
    }
}

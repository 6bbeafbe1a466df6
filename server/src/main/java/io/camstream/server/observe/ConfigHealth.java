package io.camstream.server.observe;

import io.camstream.server.auth.AuthSettings;
import io.camstream.server.live.ConfigState;
import io.camstream.server.live.ConfigStatus;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import java.util.function.Supplier;

/**
 * Whether the configuration file on disk is the one in force. Always up: a refused edit leaves the server running
 * as it was, and a probe that took it out of a load balancer for a typo would turn a harmless mistake into an
 * outage. The data says {@code on-disk: refused} with the time and, where health is not open to anyone while
 * logins are required, the reason ({@code /api/config} always has it).
 */
final class ConfigHealth implements HealthCheck {

    private final ConfigStatus status;
    private final Supplier<AuthSettings> auth;

    ConfigHealth(ConfigStatus status, Supplier<AuthSettings> auth) {
        this.status = status;
        this.auth = auth;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public HealthCheckResponse call() {
        ConfigState state = status.state();
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(true)
                .detail("onDisk", state.refused().isPresent() ? "refused" : "in force")
                .detail("inForceSince", state.inForceSince().toString())
                .detail("watched", state.watched());
        state.file().ifPresent(file -> response.detail("file", file.toString()));
        AuthSettings settings = auth.get();
        boolean openToStrangers = settings.enabled() && !settings.protectHealth();
        state.refused().ifPresent(refusal -> response
                .detail("refusedSince", refusal.since().toString())
                .detail("reason", openToStrangers ? "see /api/config (log in)" : refusal.reason()));
        if (!state.restartNeeded().isEmpty()) {
            response.detail("restartNeeded", String.join(", ", state.restartNeeded()));
        }
        return response.build();
    }
}

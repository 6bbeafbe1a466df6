package io.camstream.server.observe;

import io.camstream.core.cameras.Cameras;
import io.camstream.recording.Recorders;
import io.camstream.server.auth.AuthSettings;
import io.camstream.server.live.ConfigStatus;
import io.camstream.server.net.ConnectionGate;
import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Helidon's observe endpoints for camstream: {@code /observe/health} with a liveness check for the server (its
 * listener and connections), a readiness check per camera and per recorder there is now and one for the
 * configuration file, details always on; {@code /observe/metrics} as configured under
 * {@code server.features.observe}.
 */
public final class Observability {

    private Observability() {
    }

    /**
     * The observe feature, built from {@code server.features.observe} with camstream's health checks.
     *
     * @param observe the {@code server.features.observe} node
     * @param cameras   the cameras to check, as they are at each request
     * @param recorders their recorders, checked too
     * @param gate      the connection gate, whose figures are the server's liveness
     * @param config    the configuration file's state
     * @param auth      the login rules in force, which decide what the configuration's check may show
     * @return the feature to add to the server
     */
    public static ObserveFeature feature(Config observe, Cameras cameras, Recorders recorders, ConnectionGate gate,
                                         ConfigStatus config, Supplier<AuthSettings> auth) {
        HealthObserverConfig health = HealthObserver.builder()
                .config(observe.get("observers.health"))
                .details(true)
                .buildPrototype();
        HealthCheck server = new ConnectionHealth(gate);
        HealthCheck configCheck = new ConfigHealth(config, auth);
        Supplier<List<HealthCheck>> checks = () -> {
            List<HealthCheck> all = new ArrayList<>();
            all.add(server);
            cameras.all().forEach(feed -> all.add(new CameraHealth(feed)));
            recorders.all().forEach(recorder -> all.add(new RecordingHealth(recorder)));
            all.add(configCheck);
            return all;
        };
        return ObserveFeature.builder()
                .config(observe)
                .addObserver(new HealthEndpoint(health, checks))
                .build();
    }
}

package io.camstream.server.observe;

import io.camstream.core.cameras.Cameras;
import io.camstream.recording.Recorders;
import io.camstream.server.net.ConnectionGate;
import io.helidon.config.Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;

/**
 * Helidon's observe endpoints for camstream: {@code /observe/health} with a readiness check per camera and a
 * liveness check for the server (its listener and connections), details always on; {@code /observe/metrics} as
 * configured under {@code server.features.observe}.
 */
public final class Observability {

    private Observability() {
    }

    /**
     * The observe feature, built from {@code server.features.observe} with camstream's health checks added.
     *
     * @param observe the {@code server.features.observe} node
     * @param cameras   the cameras to check
     * @param recorders their recorders, checked too
     * @param gate      the connection gate, whose figures are the server's liveness
     * @return the feature to add to the server
     */
    public static ObserveFeature feature(Config observe, Cameras cameras, Recorders recorders, ConnectionGate gate) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .config(observe.get("observers.health"))
                .details(true)
                .addCheck(new ConnectionHealth(gate));
        cameras.all().forEach(feed -> health.addCheck(new CameraHealth(feed)));
        recorders.all().forEach(recorder -> health.addCheck(new RecordingHealth(recorder)));
        return ObserveFeature.builder()
                .config(observe)
                .addObserver(health.build())
                .build();
    }
}

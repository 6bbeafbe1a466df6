package io.camstream.server.http;

import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.server.live.ConfigState;
import io.camstream.server.live.ConfigStatus;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /api/config}: the cameras in force, whether the configuration file on disk is the one in force, and if
 * not why, which of its keys wait for a restart, the drivers installed and the driver jars refused. A refusal names keys and values of any camera, so only a caller who may watch every
 * camera reads it, as with the metrics.
 */
public final class ConfigService implements CameraService {

    private final ConfigStatus status;
    private final Supplier<List<String>> cameras;
    private final DriverRegistry drivers;

    /**
     * Creates the service.
     *
     * @param status  the configuration's state
     * @param cameras every camera's name now
     * @param drivers the drivers installed, and the jars refused
     */
    public ConfigService(ConfigStatus status, Supplier<List<String>> cameras, DriverRegistry drivers) {
        this.status = status;
        this.cameras = cameras;
        this.drivers = drivers;
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.listing("/api/config", this::config);
    }

    private void config(List<CameraFeed> visible, ServerRequest req, ServerResponse res) {
        NoCache.apply(res);
        if (visible.size() < cameras.get().size()) {
            res.status(Status.FORBIDDEN_403).send("The configuration's state names every camera; only a user who may"
                    + " watch every camera may read it\n");
            return;
        }
        ConfigState state = status.state();
        JsonArrayBuilder names = Json.createArrayBuilder();
        visible.forEach(feed -> names.add(feed.name()));
        JsonArrayBuilder restart = Json.createArrayBuilder();
        state.restartNeeded().forEach(restart::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("cameras", names)
                .add("watched", state.watched())
                .add("in-force-since", state.inForceSince().toString())
                .add("on-disk", state.refused().isPresent() ? "refused" : "in force")
                .add("restart-needed", restart);
        JsonArrayBuilder installed = Json.createArrayBuilder();
        drivers.drivers().forEach(driver -> installed.add(Json.createObjectBuilder()
                .add("name", driver.name())
                .add("source", driver.source())));
        JsonArrayBuilder refusedJars = Json.createArrayBuilder();
        drivers.refusedJars().forEach((jar, reason) -> refusedJars.add(Json.createObjectBuilder()
                .add("jar", jar.toString())
                .add("reason", reason)));
        json.add("drivers", installed).add("refused-jars", refusedJars);
        state.file().ifPresentOrElse(file -> json.add("file", file.toString()), () -> json.addNull("file"));
        state.refused().ifPresentOrElse(refusal -> json.add("refused", Json.createObjectBuilder()
                        .add("reason", refusal.reason())
                        .add("since", refusal.since().toString())),
                () -> json.addNull("refused"));
        res.send(json.build());
    }
}

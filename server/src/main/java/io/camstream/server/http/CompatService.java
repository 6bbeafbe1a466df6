package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.text.Printable;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * The URLs of mjpg-streamer ({@code /?action=stream}, {@code /?action=snapshot}) and µStreamer ({@code /stream},
 * {@code /snapshot}), which OctoPrint, Home Assistant, Frigate and many scripts call. They serve the default camera,
 * or the one named by {@code camera=NAME}. {@code /} without {@code action} is left to the page.
 */
public final class CompatService implements HttpService {

    private final CameraLookup lookup;
    private final StreamService streams;

    /**
     * Creates the service.
     *
     * @param lookup  finds the camera a request names
     * @param streams serves the streams and snapshots
     */
    CompatService(CameraLookup lookup, StreamService streams) {
        this.lookup = lookup;
        this.streams = streams;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::action)
                .get("/stream", (req, res) -> camera(req, res).ifPresent(feed -> streams.stream(feed, req, res)))
                .get("/snapshot", (req, res) -> camera(req, res).ifPresent(feed -> streams.snapshot(feed, res)));
    }

    private void action(ServerRequest req, ServerResponse res) {
        Optional<String> action = req.query().first("action").asOptional();
        if (action.isEmpty()) {
            res.next();
            return;
        }
        switch (action.get()) {
            case "stream" -> camera(req, res).ifPresent(feed -> streams.stream(feed, req, res));
            case "snapshot" -> camera(req, res).ifPresent(feed -> streams.snapshot(feed, res));
            default -> res.status(Status.BAD_REQUEST_400)
                    .send("action='" + Printable.escape(action.get())
                            + "' is not supported (allowed: stream, snapshot)\n");
        }
    }

    private Optional<CameraFeed> camera(ServerRequest req, ServerResponse res) {
        Optional<String> name = req.query().first("camera").asOptional();
        return name.isPresent() ? lookup.named(name.get(), res) : Optional.of(lookup.defaultCamera());
    }
}

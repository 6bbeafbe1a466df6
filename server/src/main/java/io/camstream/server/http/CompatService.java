package io.camstream.server.http;

import io.camstream.core.text.Printable;
import io.camstream.server.auth.CameraUse;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The URLs of mjpg-streamer ({@code /?action=stream}, {@code /?action=snapshot}) and µStreamer ({@code /stream},
 * {@code /snapshot}), which OctoPrint, Home Assistant, Frigate and many scripts call. They serve the default camera,
 * or the one named by {@code camera=NAME}. {@code /} without {@code action} is left to the page.
 */
public final class CompatService implements CameraService {

    private final StreamService streams;

    /**
     * Creates the service.
     *
     * @param streams serves the streams and snapshots
     */
    CompatService(StreamService streams) {
        this.streams = streams;
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.camera("/", CameraRoutes.QueryMatch.is("action", "stream"), CameraUse.STREAM, streams::stream)
                .camera("/", CameraRoutes.QueryMatch.is("action", "snapshot"), CameraUse.SNAPSHOT, streams::snapshot)
                .plain("/", CameraRoutes.QueryMatch.present("action"), CompatService::unsupported)
                .camera("/stream", CameraUse.STREAM, streams::stream)
                .camera("/snapshot", CameraUse.SNAPSHOT, streams::snapshot);
    }

    private static void unsupported(ServerRequest req, ServerResponse res) {
        res.status(Status.BAD_REQUEST_400).send("action='" + Printable.escape(req.query().first("action").orElse(""))
                + "' is not supported (allowed: stream, snapshot)\n");
    }
}

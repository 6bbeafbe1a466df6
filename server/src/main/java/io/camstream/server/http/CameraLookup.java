package io.camstream.server.http;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.text.Printable;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * Finds the camera a request names, answering 404 with the known names when there is none.
 */
final class CameraLookup {

    private final Cameras cameras;

    CameraLookup(Cameras cameras) {
        this.cameras = cameras;
    }

    Optional<CameraFeed> byPathName(ServerRequest req, ServerResponse res) {
        return named(req.path().pathParameters().get("name"), res);
    }

    Optional<CameraFeed> named(String name, ServerResponse res) {
        Optional<CameraFeed> feed = cameras.find(name);
        if (feed.isEmpty()) {
            res.status(Status.NOT_FOUND_404)
                    .send("Unknown camera '" + Printable.escape(name) + "'. Known cameras: "
                            + String.join(", ", cameras.names()) + "\n");
        }
        return feed;
    }

    CameraFeed defaultCamera() {
        return cameras.defaultCamera();
    }
}

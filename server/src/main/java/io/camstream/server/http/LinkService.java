package io.camstream.server.http;

import io.camstream.server.auth.Caller;
import io.camstream.server.auth.CameraUse;
import io.camstream.server.auth.LinkScope;
import io.camstream.server.auth.Links;
import io.camstream.spi.ConfigValues;
import io.helidon.common.uri.UriInfo;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code POST /api/cameras/{name}/links[?valid=7d][&snapshot-only=true]}: a signed link to a camera for the
 * logged-in user who may watch it, for embedding where a browser cannot send a login ({@code <img>} in a
 * dashboard). The answer is JSON with the URL; the link opens the camera as that user, in its scope, until it
 * expires.
 */
public final class LinkService implements CameraService {

    private final Links links;

    /**
     * Creates the service.
     *
     * @param links signs the links
     */
    public LinkService(Links links) {
        this.links = links;
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.post("/api/cameras/{name}/links", CameraUse.LINKS, this::create);
    }

    private void create(Grant grant, ServerRequest req, ServerResponse res) {
        if (!(CameraResolver.caller(req) instanceof Caller.User user)) {
            res.status(Status.CONFLICT_409).send("No users are configured, so every camera is open and a link "
                    + "would add nothing; see camstream.auth.users\n");
            return;
        }
        Duration valid;
        try {
            valid = ConfigValues.duration(req.query().first("valid").orElse("7d"), Links.MIN_VALIDITY,
                    Links.MAX_VALIDITY);
        } catch (IllegalArgumentException e) {
            res.status(Status.BAD_REQUEST_400).send("valid: " + e.getMessage() + "\n");
            return;
        }
        String snapshotOnly = req.query().first("snapshot-only").orElse("false");
        if (!snapshotOnly.equals("true") && !snapshotOnly.equals("false")) {
            res.status(Status.BAD_REQUEST_400).send("snapshot-only: '" + snapshotOnly + "' is not true or false\n");
            return;
        }
        String camera = grant.feed().name();
        LinkScope scope = snapshotOnly.equals("true") ? LinkScope.SNAPSHOT : LinkScope.STREAM;
        Links.Issued link;
        try {
            link = links.issue(camera, user.name(), scope, valid);
        } catch (IllegalStateException e) {
            res.status(Status.SERVICE_UNAVAILABLE_503).send("No link can be made now: " + e.getMessage() + "\n");
            return;
        }
        UriInfo uri = req.requestedUri();
        res.status(Status.CREATED_201).send(Json.createObjectBuilder()
                .add("url", uri.scheme() + "://" + uri.authority() + link.path())
                .add("camera", camera)
                .add("user", user.name())
                .add("scope", scope.name().toLowerCase(Locale.ROOT))
                .add("expires", link.expires().toString())
                .build());
    }
}

package io.camstream.server.http;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.text.Printable;
import io.camstream.server.auth.Access;
import io.camstream.server.auth.Caller;
import io.camstream.server.auth.CameraUse;
import io.camstream.server.auth.Challenge;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;
import java.util.Optional;

/**
 * Where a request meets a camera: reads which camera it names (the path's {@code {name}}, else {@code camera=},
 * else the default camera) and whether its caller may have it. A camera the caller may not watch is answered
 * exactly as one that does not exist: {@code 404} listing only the cameras the caller may watch. The default
 * camera is the first configured one the caller may watch, which is the default it would be if the others did not
 * exist (for a link, its own camera). A link used beyond what it opens gets {@code 401} with the reason.
 */
public final class CameraResolver {

    private final Cameras cameras;
    private final Access access;

    /**
     * Creates the resolver.
     *
     * @param cameras the configured cameras
     * @param access  who may watch which
     */
    public CameraResolver(Cameras cameras, Access access) {
        this.cameras = cameras;
        this.access = access;
    }

    /**
     * The caller the login filter left in the request; a server without users lets anyone in.
     *
     * @param req the request
     * @return the caller
     */
    static Caller caller(ServerRequest req) {
        return req.context().get(Caller.class).orElse(new Caller.Anyone());
    }

    /**
     * The camera a request names, if its caller may use it so; otherwise answers the request.
     *
     * @param req         the request
     * @param res         its response, answered when there is no camera to give
     * @param use         what the route does with the camera
     * @param namedInPath whether the route's path has a {@code {name}}
     * @return the camera and the caller's grant, or empty when answered
     */
    Optional<Grant> resolve(ServerRequest req, ServerResponse res, CameraUse use, boolean namedInPath) {
        Caller caller = caller(req);
        Optional<String> named = namedInPath
                ? Optional.of(req.path().pathParameters().get("name"))
                : req.query().first("camera").asOptional();
        String name = named.orElseGet(() -> defaultCamera(caller));
        if (caller instanceof Caller.Link link) {
            Optional<String> refusal = access.linkRefusal(link, name, use);
            if (refusal.isPresent()) {
                Challenge.refuse(res, refusal.get());
                return Optional.empty();
            }
        }
        Optional<CameraFeed> feed = cameras.find(name).filter(f -> access.mayWatch(caller, f.name()));
        if (feed.isEmpty()) {
            String known = String.join(", ", visibleNames(caller));
            res.status(Status.NOT_FOUND_404).send(named.isPresent()
                    ? "Unknown camera '" + Printable.escape(name) + "'. Known cameras: " + known + "\n"
                    : "No camera to show. Known cameras: " + known + "\n");
            return Optional.empty();
        }
        return Optional.of(new Grant(feed.get(), access.grant(caller, feed.get().name())));
    }

    /**
     * The cameras a request's caller may see, in configuration order.
     *
     * @param req the request
     * @return the cameras
     */
    List<CameraFeed> visible(ServerRequest req) {
        List<String> names = visibleNames(caller(req));
        return cameras.all().stream().filter(feed -> names.contains(feed.name())).toList();
    }

    private List<String> visibleNames(Caller caller) {
        return access.visible(caller, cameras.names());
    }

    /** The name the default camera has for a caller; an empty name when it may watch none. */
    private String defaultCamera(Caller caller) {
        if (caller instanceof Caller.Link link) {
            return link.token().camera();
        }
        return visibleNames(caller).stream().findFirst().orElse("");
    }
}

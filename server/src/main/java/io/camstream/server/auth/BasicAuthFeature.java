package io.camstream.server.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic authentication in front of every route: pages, streams, snapshots and the API. Health stays open
 * unless {@code protect-health} is set. Repeated failures from one address are answered 429 for a while, and a
 * camera with {@code allowed-users} answers 403 to everyone else.
 */
public final class BasicAuthFeature implements HttpFeature, Filter {

    static final String CHALLENGE = "Basic realm=\"camstream\", charset=\"UTF-8\"";
    private static final String HEALTH = "/observe/health";
    private static final int FAILURE_LIMIT = 10;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    private static final Duration BLOCK = Duration.ofMinutes(1);
    private static final int REMEMBERED_ADDRESSES = 10_000;

    private final AuthSettings settings;
    private final Credentials credentials;
    private final CameraPaths cameraPaths;
    private final FailureThrottle throttle;

    /**
     * Creates the feature.
     *
     * @param settings      the users and rules
     * @param defaultCamera the camera {@code /video_feed} shows
     */
    public BasicAuthFeature(AuthSettings settings, String defaultCamera) {
        this.settings = settings;
        this.credentials = new Credentials(settings.users());
        this.cameraPaths = new CameraPaths(defaultCamera);
        this.throttle = new FailureThrottle(FAILURE_LIMIT, FAILURE_WINDOW, BLOCK, REMEMBERED_ADDRESSES,
                System::nanoTime);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!settings.protectHealth() && (path.equals(HEALTH) || path.startsWith(HEALTH + "/"))) {
            chain.proceed();
            return;
        }
        InetAddress address = ((InetSocketAddress) req.remotePeer().address()).getAddress();
        Duration blocked = throttle.blockedFor(address);
        if (!blocked.isZero()) {
            res.status(Status.TOO_MANY_REQUESTS_429)
                    .header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, blocked.toSeconds())))
                    .send("Too many failed logins from your address; try again in " + blocked.toSeconds() + " s\n");
            return;
        }
        Optional<String> user = credentials.check(req.headers().first(HeaderNames.AUTHORIZATION));
        if (user.isEmpty()) {
            if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
                throttle.failed(address);
            }
            res.status(Status.UNAUTHORIZED_401)
                    .header(HeaderNames.WWW_AUTHENTICATE, CHALLENGE)
                    .send("Log in to watch these cameras\n");
            return;
        }
        Optional<String> camera = cameraPaths.cameraOf(path);
        Set<String> allowed = camera.map(settings.allowedUsers()::get).orElse(null);
        if (allowed != null && !allowed.contains(user.get())) {
            res.status(Status.FORBIDDEN_403)
                    .send("User '" + user.get() + "' may not watch camera '" + camera.get() + "'\n");
            return;
        }
        chain.proceed();
    }
}

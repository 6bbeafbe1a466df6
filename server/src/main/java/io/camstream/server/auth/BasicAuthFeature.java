package io.camstream.server.auth;

import io.camstream.server.head.HeadResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Establishes who sent each request, once, in front of every route, and leaves the {@link Caller} in the request's
 * context for the routes to ask {@link Access} about: a user proven by HTTP Basic credentials, or a signed link
 * ({@code token=}). Nothing is served without one, but health (unless {@code protect-health}) and metrics when
 * {@code open-metrics} is set. Metrics name every camera, so they are shown only to a user who may watch them all.
 * <p>
 * Failed logins are throttled per real client address and user name ({@link FailureThrottle}); passwords are
 * checked off the request threads ({@link PasswordChecks}), and credentials that passed once are not checked
 * again ({@link Credentials}). A login refused without a check (throttled, or every check thread busy) is answered
 * after a pause in which the request holds no thread and no queue place, only its parked virtual thread: forty
 * addresses guessing in a loop on one two-core machine otherwise got over a thousand instant refusals a second,
 * and that flood alone held a stream up for seconds. With the pause each connection gets two answers a second.
 */
public final class BasicAuthFeature implements HttpFeature, Filter, AutoCloseable {

    private static final String HEALTH = "/observe/health";
    private static final String METRICS = "/observe/metrics";
    private static final int FAILURE_LIMIT = 10;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    private static final Duration BLOCK = Duration.ofMinutes(1);
    private static final int REMEMBERED_ATTEMPTS = 10_000;
    private static final Duration REFUSAL_PAUSE = Duration.ofMillis(500);

    private final AuthSettings settings;
    private final Access access;
    private final Links links;
    private final List<String> cameras;
    private final PasswordChecks checks;
    private final Credentials credentials;
    private final FailureThrottle throttle;

    /**
     * Creates the feature.
     *
     * @param settings the users and rules
     * @param access   who may watch which camera
     * @param links    verifies signed links
     * @param cameras  every camera's name, to tell who may read the metrics
     */
    public BasicAuthFeature(AuthSettings settings, Access access, Links links, List<String> cameras) {
        this.settings = settings;
        this.access = access;
        this.links = links;
        this.cameras = cameras;
        this.checks = PasswordChecks.forThisMachine();
        this.credentials = new Credentials(settings.users(), checks);
        this.throttle = new FailureThrottle(FAILURE_LIMIT, FAILURE_WINDOW, BLOCK, REMEMBERED_ATTEMPTS,
                System::nanoTime);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse routing) {
        String path = req.path().path();
        boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
        boolean metrics = path.equals(METRICS) || path.startsWith(METRICS + "/");
        if ((health && !settings.protectHealth()) || (metrics && settings.openMetrics())) {
            chain.proceed();
            return;
        }
        ServerResponse res = HeadResponse.of(req, routing);
        Optional<Caller> caller = identify(req, res);
        if (caller.isEmpty()) {
            return;
        }
        if ((health || metrics) && caller.get() instanceof Caller.Link) {
            Challenge.refuse(res, Access.linkOpensNoListing());
            return;
        }
        if (metrics && access.visible(caller.get(), cameras).size() < cameras.size()) {
            res.status(Status.FORBIDDEN_403).send("The metrics name every camera; only a user who may watch every"
                    + " camera may read them (or set camstream.auth.open-metrics: true)\n");
            return;
        }
        req.context().supply(Caller.class, caller::get);
        chain.proceed();
    }

    /** The caller a request proves, or empty when it was answered: 401, 429 or 503. */
    private Optional<Caller> identify(RoutingRequest req, ServerResponse res) {
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            InetAddress peer = ((InetSocketAddress) req.remotePeer().address()).getAddress();
            return login(authorization.get(), settings.trustedProxies().clientOf(peer, req.headers()), res);
        }
        Optional<String> token = req.query().first("token").asOptional();
        if (token.isEmpty()) {
            Challenge.refuse(res, "log in to watch these cameras");
            return Optional.empty();
        }
        try {
            return Optional.of(links.verify(token.get()));
        } catch (Links.Invalid e) {
            Challenge.refuse(res, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Caller> login(String authorization, InetAddress client, ServerResponse res) {
        Optional<Credentials.Basic> basic = credentials.parse(authorization);
        if (basic.isEmpty()) {
            Challenge.refuse(res, "log in with a user name and password (HTTP Basic)");
            return Optional.empty();
        }
        Optional<String> known = credentials.remembered(basic.get());
        if (known.isPresent()) {
            return Optional.of(new Caller.User(known.get()));
        }
        FailureThrottle.Attempt attempt = new FailureThrottle.Attempt(client, basic.get().user());
        Duration blocked = throttle.blockedFor(attempt);
        if (!blocked.isZero()) {
            pause();
            res.status(Status.TOO_MANY_REQUESTS_429)
                    .header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, blocked.toSeconds())))
                    .send("Too many failed logins as this user from your address; try again in "
                            + blocked.toSeconds() + " s\n");
            return Optional.empty();
        }
        try {
            if (credentials.verify(basic.get())) {
                return Optional.of(new Caller.User(basic.get().user()));
            }
        } catch (PasswordChecks.Busy e) {
            pause();
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "1")
                    .send("Too many logins are being checked right now; try again in a second\n");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.status(Status.SERVICE_UNAVAILABLE_503).send("The server is stopping\n");
            return Optional.empty();
        }
        throttle.failed(attempt);
        Challenge.refuse(res, "log in to watch these cameras");
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(REFUSAL_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the password checking threads. */
    @Override
    public void close() {
        checks.close();
    }
}

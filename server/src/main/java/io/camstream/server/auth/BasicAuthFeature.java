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
import java.util.function.Supplier;

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
 * <p>
 * The feature is in place whether or not users are configured, so that users added while the server runs are asked
 * for at once; without users it lets every request through as anyone's. Credentials remembered stay valid across a
 * change only while every user's stored password stays as it was.
 */
public final class BasicAuthFeature implements HttpFeature, Filter, AutoCloseable {

    private static final String HEALTH = "/observe/health";
    private static final String METRICS = "/observe/metrics";
    private static final int FAILURE_LIMIT = 10;
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(1);
    private static final Duration BLOCK = Duration.ofMinutes(1);
    private static final int REMEMBERED_ATTEMPTS = 10_000;
    private static final Duration REFUSAL_PAUSE = Duration.ofMillis(500);

    /**
     * The users in force and the credentials that passed against them, replaced together.
     *
     * @param credentials null while no users are configured: nobody logs in then, and its decoy hash costs a check
     */
    private record Logins(AuthSettings settings, Credentials credentials) {
    }

    private final Access access;
    private final Links links;
    private final Supplier<List<String>> cameras;
    private final PasswordChecks checks;
    private final FailureThrottle throttle;
    private volatile Logins logins;

    /**
     * Creates the feature.
     *
     * @param settings the users and rules
     * @param access   who may watch which camera
     * @param links    verifies signed links
     * @param cameras  every camera's name now, to tell who may read the metrics
     */
    public BasicAuthFeature(AuthSettings settings, Access access, Links links, Supplier<List<String>> cameras) {
        this.access = access;
        this.links = links;
        this.cameras = cameras;
        this.checks = PasswordChecks.forThisMachine();
        this.logins = new Logins(settings, credentials(settings));
        this.throttle = new FailureThrottle(FAILURE_LIMIT, FAILURE_WINDOW, BLOCK, REMEMBERED_ATTEMPTS,
                System::nanoTime);
    }

    /**
     * Lets requests in by other users and rules from now on.
     *
     * @param next the users and rules in force
     */
    public void update(AuthSettings next) {
        Logins current = logins;
        logins = new Logins(next, samePasswords(current.settings(), next) ? current.credentials()
                : credentials(next));
    }

    private Credentials credentials(AuthSettings settings) {
        return settings.enabled() ? new Credentials(settings.users(), checks) : null;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse routing) {
        Logins now = logins;
        AuthSettings settings = now.settings();
        if (!settings.enabled()) {
            chain.proceed();
            return;
        }
        String path = req.path().path();
        boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
        boolean metrics = path.equals(METRICS) || path.startsWith(METRICS + "/");
        if ((health && !settings.protectHealth()) || (metrics && settings.openMetrics())) {
            chain.proceed();
            return;
        }
        ServerResponse res = HeadResponse.of(req, routing);
        Optional<Caller> caller = identify(req, res, now);
        if (caller.isEmpty()) {
            return;
        }
        if ((health || metrics) && caller.get() instanceof Caller.Link) {
            Challenge.refuse(res, Access.linkOpensNoListing());
            return;
        }
        List<String> all = cameras.get();
        if (metrics && access.visible(caller.get(), all).size() < all.size()) {
            res.status(Status.FORBIDDEN_403).send("The metrics name every camera; only a user who may watch every"
                    + " camera may read them (or set camstream.auth.open-metrics: true)\n");
            return;
        }
        req.context().supply(Caller.class, caller::get);
        chain.proceed();
    }

    /** The caller a request proves, or empty when it was answered: 401, 429 or 503. */
    private Optional<Caller> identify(RoutingRequest req, ServerResponse res, Logins now) {
        Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            InetAddress peer = ((InetSocketAddress) req.remotePeer().address()).getAddress();
            return login(authorization.get(), now.settings().trustedProxies().clientOf(peer, req.headers()), res,
                    now.credentials());
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

    private Optional<Caller> login(String authorization, InetAddress client, ServerResponse res,
                                   Credentials credentials) {
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

    private static boolean samePasswords(AuthSettings before, AuthSettings after) {
        return before.users().keySet().equals(after.users().keySet())
                && before.users().entrySet().stream().allMatch(user ->
                        user.getValue().format().equals(after.users().get(user.getKey()).format()));
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

package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.server.auth.Access;
import io.camstream.server.auth.Caller;
import io.camstream.server.auth.CameraUse;
import io.camstream.server.auth.Challenge;
import io.camstream.server.head.HeadResponse;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way camstream's services register routes, so that what every route does is decided here and not
 * remembered by each handler:
 * <ul>
 *   <li>a route that serves a camera's pictures or figures is handed its camera by the {@link CameraResolver}
 *       (services are never given the cameras themselves), which checks the caller's right to it;</li>
 *   <li>a route that lists cameras is handed the ones the caller may see;</li>
 *   <li>every GET route answers HEAD with the GET's status and headers and no body ({@link HeadResponse});</li>
 *   <li>a signed link opens camera routes of its scope and nothing else;</li>
 *   <li>every route is recorded, so that tests derive their cases from the routing itself.</li>
 * </ul>
 */
public final class CameraRoutes {

    /** Serves a camera the resolver gave the request. */
    @FunctionalInterface
    public interface CameraHandler {
        /**
         * Answers the request.
         *
         * @param grant the camera, and whether the caller's right to it holds
         * @param req   the request
         * @param res   the response (headers only for HEAD)
         */
        void handle(Grant grant, ServerRequest req, ServerResponse res);
    }

    /** Serves a listing of the cameras the caller may see. */
    @FunctionalInterface
    public interface ListingHandler {
        /**
         * Answers the request.
         *
         * @param cameras the cameras the caller may watch, in configuration order
         * @param req     the request
         * @param res     the response (headers only for HEAD)
         */
        void handle(List<CameraFeed> cameras, ServerRequest req, ServerResponse res);
    }

    /**
     * A route that applies only when the query carries a parameter, with a given value or any.
     *
     * @param parameter the parameter's name
     * @param value     the value it must have, or empty for any value
     */
    public record QueryMatch(String parameter, Optional<String> value) {

        /**
         * A parameter with a value: {@code action=stream}.
         *
         * @param parameter the name
         * @param value     the value
         * @return the condition
         */
        public static QueryMatch is(String parameter, String value) {
            return new QueryMatch(parameter, Optional.of(value));
        }

        /**
         * A parameter with any value.
         *
         * @param parameter the name
         * @return the condition
         */
        public static QueryMatch present(String parameter) {
            return new QueryMatch(parameter, Optional.empty());
        }

        boolean matches(ServerRequest req) {
            Optional<String> sent = req.query().first(parameter).asOptional();
            return sent.isPresent() && value.map(sent.get()::equals).orElse(true);
        }
    }

    /**
     * A registered route.
     *
     * @param method  the method (a GET route is also registered for HEAD, recorded once)
     * @param pattern Helidon's path pattern, such as {@code /cameras/{name}/stream}
     * @param query   the query condition, if any
     * @param use     what it does with the camera it names, or empty when it names none
     * @param listing whether it lists the cameras the caller may see
     */
    public record Route(Method method, String pattern, Optional<QueryMatch> query, Optional<CameraUse> use,
                        boolean listing) {
    }

    private final HttpRules rules;
    private final CameraResolver resolver;
    private final List<Route> routes = new ArrayList<>();

    /**
     * Creates the registrar.
     *
     * @param rules    Helidon's rules to register on
     * @param resolver hands each request its camera
     */
    public CameraRoutes(HttpRules rules, CameraResolver resolver) {
        this.rules = rules;
        this.resolver = resolver;
    }

    /**
     * Registers a service's routes.
     *
     * @param service the service
     * @return this registrar
     */
    public CameraRoutes register(CameraService service) {
        service.routing(this);
        return this;
    }

    /**
     * A GET (and HEAD) route serving the camera it names.
     *
     * @param pattern the path pattern; with {@code {name}} the path names the camera, else {@code camera=} or the
     *                default camera does
     * @param use     what it does with the camera
     * @param handler serves the camera
     * @return this registrar
     */
    public CameraRoutes camera(String pattern, CameraUse use, CameraHandler handler) {
        return camera(pattern, Optional.empty(), use, handler);
    }

    /**
     * A GET (and HEAD) route serving the camera it names, when the query matches.
     *
     * @param pattern the path pattern
     * @param query   the condition; other requests go on to the next route
     * @param use     what it does with the camera
     * @param handler serves the camera
     * @return this registrar
     */
    public CameraRoutes camera(String pattern, QueryMatch query, CameraUse use, CameraHandler handler) {
        return camera(pattern, Optional.of(query), use, handler);
    }

    /**
     * A POST route acting on the camera it names; a link never opens it.
     *
     * @param pattern the path pattern, with {@code {name}}
     * @param use     what it does with the camera
     * @param handler acts on the camera
     * @return this registrar
     */
    public CameraRoutes post(String pattern, CameraUse use, CameraHandler handler) {
        Handler resolved = resolving(pattern, use, handler);
        routes.add(new Route(Method.POST, pattern, Optional.empty(), Optional.of(use), false));
        rules.route(Method.POST, pattern, resolved);
        return this;
    }

    /**
     * A GET (and HEAD) route listing the cameras the caller may see.
     *
     * @param pattern the path pattern
     * @param handler lists them
     * @return this registrar
     */
    public CameraRoutes listing(String pattern, ListingHandler handler) {
        routes.add(new Route(Method.GET, pattern, Optional.empty(), Optional.empty(), true));
        return get(pattern, Optional.empty(), Optional.empty(),
                (req, res) -> handler.handle(resolver.visible(req), req, res));
    }

    /**
     * A GET (and HEAD) route that involves no camera, such as a style sheet.
     *
     * @param pattern the path pattern
     * @param handler answers
     * @return this registrar
     */
    public CameraRoutes plain(String pattern, Handler handler) {
        return plain(pattern, Optional.empty(), handler);
    }

    /**
     * A GET (and HEAD) route that involves no camera, when the query matches.
     *
     * @param pattern the path pattern
     * @param query   the condition; other requests go on to the next route
     * @param handler answers
     * @return this registrar
     */
    public CameraRoutes plain(String pattern, QueryMatch query, Handler handler) {
        return plain(pattern, Optional.of(query), handler);
    }

    /**
     * Every route registered so far, in order.
     *
     * @return the routes
     */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private CameraRoutes camera(String pattern, Optional<QueryMatch> query, CameraUse use, CameraHandler handler) {
        routes.add(new Route(Method.GET, pattern, query, Optional.of(use), false));
        return get(pattern, query, Optional.of(use), resolving(pattern, use, handler));
    }

    private CameraRoutes plain(String pattern, Optional<QueryMatch> query, Handler handler) {
        routes.add(new Route(Method.GET, pattern, query, Optional.empty(), false));
        return get(pattern, query, Optional.empty(), handler);
    }

    private Handler resolving(String pattern, CameraUse use, CameraHandler handler) {
        boolean namedInPath = pattern.contains("{name}");
        return (req, res) -> resolver.resolve(req, res, use, namedInPath)
                .ifPresent(grant -> handler.handle(grant, req, res));
    }

    /** Registers GET and HEAD alike; routes without a camera refuse links, which open only camera routes. */
    private CameraRoutes get(String pattern, Optional<QueryMatch> query, Optional<CameraUse> use, Handler handler) {
        Handler guarded = use.isPresent() ? handler : (req, res) -> {
            if (CameraResolver.caller(req) instanceof Caller.Link) {
                Challenge.refuse(res, Access.linkOpensNoListing());
                return;
            }
            handler.handle(req, res);
        };
        Handler routed = (req, res) -> {
            if (query.isPresent() && !query.get().matches(req)) {
                res.next();
                return;
            }
            guarded.handle(req, HeadResponse.of(req, res));
        };
        rules.route(Method.GET, pattern, routed);
        rules.route(Method.HEAD, pattern, routed);
        return this;
    }
}

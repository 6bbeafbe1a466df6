package io.camstream.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;

/**
 * Lets pages of another origin use the streams, snapshots and the API ({@code camstream.cors.allow-origin}: an
 * origin such as {@code https://dash.example.org}, or {@code *}). Off when the key is not set. The pictures and
 * the state are read-only, so only {@code GET} (and its preflight) is allowed.
 */
public final class CorsFeature implements HttpFeature {

    private final String allowOrigin;

    private CorsFeature(String allowOrigin) {
        this.allowOrigin = allowOrigin;
    }

    /**
     * The feature, when an origin is configured.
     *
     * @param allowOrigin the value of {@code camstream.cors.allow-origin}, if set
     * @return the feature, or empty to leave CORS off
     */
    public static Optional<CorsFeature> of(Optional<String> allowOrigin) {
        return allowOrigin.map(String::trim).filter(o -> !o.isEmpty()).map(CorsFeature::new);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!shared(req.path().path(), req.query().contains("action"))) {
            chain.proceed();
            return;
        }
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
        if (!"*".equals(allowOrigin)) {
            res.header(HeaderNames.VARY, "Origin");
        }
        if (req.prologue().method() == Method.OPTIONS) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS");
            res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
            req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)
                    .ifPresent(headers -> res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers));
            res.status(Status.NO_CONTENT_204).send();
            return;
        }
        chain.proceed();
    }

    private static boolean shared(String path, boolean compatAction) {
        return path.startsWith("/api/")
                || path.equals("/video_feed")
                || path.equals("/stream")
                || path.equals("/snapshot")
                || (path.equals("/") && compatAction)
                || (path.startsWith("/cameras/") && (path.endsWith("/stream") || path.endsWith("/snapshot")));
    }
}

package io.camstream.server.http;

import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.regex.Pattern;

/**
 * Headers that keep browsers from turning camstream's answers against its users. Every answer says
 * {@code X-Content-Type-Options: nosniff}, so that no error text, JSON or picture is ever run as a script or page.
 * Every HTML answer carries a Content-Security-Policy that allows the pages' own script and style sheet only (no
 * inline code, no other origin) and lets only {@code camstream.frame-ancestors} frame them (default {@code 'self'}).
 * Decided by the answer's own Content-Type, so a page added later is covered without being listed here.
 */
public final class SecurityHeaders implements HttpFeature {

    static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");

    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";

    /** CSP source expressions: schemes, hosts, ports, wildcards, quoted keywords; no ';' or ',' or controls. */
    private static final Pattern SOURCES = Pattern.compile("[A-Za-z0-9'*:/.\\-\\[\\] ]+");

    private final Header pagePolicy;

    private SecurityHeaders(String frameAncestors) {
        this.pagePolicy = HeaderValues.create(CONTENT_SECURITY_POLICY, PAGE_POLICY + frameAncestors);
    }

    /**
     * Reads {@code frame-ancestors} of the camstream section.
     *
     * @param camstream the {@code camstream} node
     * @return the feature
     * @throws io.camstream.spi.CameraConfigException when the value is not a list of CSP sources
     */
    public static SecurityHeaders from(Config camstream) {
        String ancestors = ConfigValues.stringValue(camstream, "frame-ancestors").orElse("'self'");
        if (!SOURCES.matcher(ancestors).matches()) {
            throw ConfigValues.error(camstream, "frame-ancestors", ancestors, "is not a list of CSP sources",
                    "'self', 'none', or origins separated by blanks, like 'self' https://ha.example.org");
        }
        return new SecurityHeaders(ancestors);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.beforeSend(() -> {
            if (res.headers().contentType().filter(type -> type.mediaType().text().equals("text/html")).isPresent()) {
                res.headers().set(pagePolicy);
            }
        });
        chain.proceed();
    }
}

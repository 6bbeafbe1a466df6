package io.camstream.driver.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP side of one capture: its own client, so that closing it closes every connection to the upstream, and
 * GET requests with the camera's credentials and timeouts whose failures read as the user's problem. Redirects are
 * followed here, not by the client: only to the camera's own host unless {@code follow-redirects: any}, never from
 * https to http, and the credentials go to the camera's host alone.
 */
final class Upstream implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final HttpSettings settings;
    private final HttpClient client;
    private volatile BodyStream body;

    Upstream(HttpSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends a GET to the camera's URL and waits for the response headers.
     *
     * @return a 200 response whose body is read as it arrives
     * @throws IOException          when the upstream cannot be reached, is too slow or answers anything but 200
     * @throws InterruptedException when the capture is being stopped
     */
    HttpResponse<BodyStream> get() throws IOException, InterruptedException {
        URI target = settings.url();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<BodyStream> response = send(target);
            Optional<String> location = REDIRECTS.contains(response.statusCode())
                    ? response.headers().firstValue("Location") : Optional.empty();
            if (location.isEmpty()) {
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException(url() + via(target) + " answered HTTP " + response.statusCode()
                            + hint(response.statusCode()));
                }
                return response;
            }
            response.body().close();
            if (redirects == MAX_REDIRECTS) {
                throw new IOException(url() + " redirected more than " + MAX_REDIRECTS + " times");
            }
            target = redirected(target, location.get());
        }
    }

    private HttpResponse<BodyStream> send(URI target) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(settings.readTimeout())
                .header("User-Agent", "camstream");
        if (sameHost(target)) {
            settings.credentials().ifPresent(c -> request.header("Authorization", basic(c)));
        }
        BodyStream stream = new BodyStream(settings.readTimeout(), url());
        body = stream;
        try {
            return client.send(request.build(), info -> stream);
        } catch (HttpConnectTimeoutException e) {
            throw new IOException("cannot connect to " + url() + via(target) + " within "
                    + settings.connectTimeout().toMillis() + " ms (connect-timeout)", e);
        } catch (HttpTimeoutException e) {
            throw new IOException(url() + via(target) + " sent no response within " + settings.readTimeout().toMillis()
                    + " ms (read-timeout)", e);
        } catch (ConnectException e) {
            throw new IOException("cannot connect to " + url() + via(target) + ": " + (e.getMessage() == null
                    ? "connection refused" : e.getMessage()), e);
        }
    }

    /** Where a redirect leads, if camstream may follow it there. */
    private URI redirected(URI from, String location) throws IOException {
        URI to;
        try {
            to = from.resolve(new URI(location.trim()));
        } catch (URISyntaxException e) {
            throw new IOException(url() + " redirected to a Location that is no URL (" + e.getReason() + ")");
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || to.getHost() == null) {
            throw new IOException(url() + " redirected to " + to + ", which is no http or https URL");
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw new IOException(url() + " redirected from https to " + to + ", which would send the stream in clear");
        }
        if (!settings.redirectsToAnyHost() && !sameHost(to)) {
            throw new IOException(url() + " redirected to " + to + ", on another host; camstream follows redirects"
                    + " to the camera's own host only (set follow-redirects: any to follow this one)");
        }
        return to;
    }

    private boolean sameHost(URI target) {
        return target.getHost().equalsIgnoreCase(settings.url().getHost());
    }

    /** Names the URL a redirect led to, when that is not the configured one. */
    private String via(URI target) {
        return target.equals(settings.url()) ? "" : " (redirected to " + target + ")";
    }

    /** The URL for messages, without credentials. */
    String url() {
        return settings.url().toString();
    }

    /** Cancels the exchange in progress and closes every connection, which wakes a blocked reader. */
    @Override
    public void close() {
        BodyStream stream = body;
        if (stream != null) {
            stream.close();
        }
        client.shutdownNow();
    }

    private String hint(int status) {
        return switch (status) {
            case 401, 403 -> settings.credentials().isPresent()
                    ? " (check username and password)"
                    : " (the camera wants a login: set username and password)";
            case 404 -> " (check url)";
            default -> "";
        };
    }

    private static String basic(HttpSettings.Credentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}

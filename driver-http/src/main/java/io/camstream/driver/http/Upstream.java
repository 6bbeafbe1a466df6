package io.camstream.driver.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HTTP side of one capture: its own client, so that closing it closes every connection to the upstream, and
 * GET requests with the camera's credentials and timeouts whose failures read as the user's problem.
 */
final class Upstream implements AutoCloseable {

    private final HttpSettings settings;
    private final HttpClient client;
    private volatile BodyStream body;

    Upstream(HttpSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
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
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.readTimeout())
                .header("User-Agent", "camstream");
        settings.credentials().ifPresent(c -> request.header("Authorization", basic(c)));
        BodyStream stream = new BodyStream(settings.readTimeout(), url());
        body = stream;
        HttpResponse<BodyStream> response;
        try {
            response = client.send(request.build(), info -> stream);
        } catch (HttpConnectTimeoutException e) {
            throw new IOException("cannot connect to " + url() + " within " + settings.connectTimeout().toMillis()
                    + " ms (connect-timeout)", e);
        } catch (HttpTimeoutException e) {
            throw new IOException(url() + " sent no response within " + settings.readTimeout().toMillis()
                    + " ms (read-timeout)", e);
        } catch (ConnectException e) {
            throw new IOException("cannot connect to " + url() + ": " + (e.getMessage() == null
                    ? "connection refused" : e.getMessage()), e);
        }
        if (response.statusCode() != 200) {
            stream.close();
            throw new IOException(url() + " answered HTTP " + response.statusCode() + hint(response.statusCode()));
        }
        return response;
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

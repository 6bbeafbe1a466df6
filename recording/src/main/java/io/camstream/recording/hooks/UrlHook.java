package io.camstream.recording.hooks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a URL: {@code POST} with a small JSON body ({@code {"camera", "event", "phase", "time", "peak-score"}}), or
 * {@code GET} with the same as query parameters, so that a home automation web hook or a chat bot can be told. An
 * answer other than 2xx is a failure.
 *
 * @param url     the URL
 * @param method  {@code POST} or {@code GET}
 * @param timeout for connecting and for the whole answer
 */
public record UrlHook(URI url, String method, Duration timeout) implements Hook {

    @Override
    public String run(HookCall call) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        try (client) {
            HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout)
                    .header("User-Agent", "camstream");
            if ("GET".equals(method)) {
                String separator = url.getRawQuery() == null ? "?" : "&";
                request.uri(URI.create(url + separator + "camera=" + encode(call.camera()) + "&event="
                        + call.event().id() + "&phase=" + call.phase() + "&time=" + encode(call.time().toString())))
                        .GET();
            } else {
                String body = """
                        {"camera":"%s","event":%d,"phase":"%s","time":"%s","peak-score":%s}"""
                        .formatted(call.camera(), call.event().id(), call.phase(), call.time(),
                                Math.round(call.event().peakScore() * 10000) / 10000.0);
                request.uri(url).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + url + " answered " + response.statusCode());
            }
            return "HTTP " + response.statusCode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package io.camstream.bench.variants;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of camstream's per-camera metrics ({@code /observe/metrics}, Prometheus text), for the figures a load
 * generator cannot see from outside: what turning and the variants cost the server, and how many frames they took.
 *
 * @param values each series of the camera, by its name and its tags other than {@code camera} and {@code scope}
 */
record CameraMetrics(Map<String, Double> values) {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern LINE = Pattern.compile("^(camstream_[a-z_]+)\\{([^}]*)} (\\S+)$");

    static CameraMetrics read(URI server, String camera) throws IOException, InterruptedException {
        String text = CLIENT.send(HttpRequest.newBuilder(server.resolve("/observe/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new HashMap<>();
        String tag = "camera=\"" + camera + "\"";
        for (String line : text.lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(2).contains(tag)) {
                String others = m.group(2).replace(tag, "").replaceAll("scope=\"[a-z]+\"", "")
                        .replaceAll("[,]+", ",").replaceAll("^,|,$", "");
                values.put(others.isEmpty() ? m.group(1) : m.group(1) + "{" + others + "}",
                        Double.parseDouble(m.group(3)));
            }
        }
        return new CameraMetrics(values);
    }

    /** @return how much a series grew from an earlier reading to this one */
    double since(CameraMetrics earlier, String series) {
        return get(series) - earlier.get(series);
    }

    double get(String series) {
        Double value = values.get(series);
        if (value == null) {
            throw new IllegalStateException("camstream has no metric " + series + "; metrics: " + values.keySet());
        }
        return value;
    }
}

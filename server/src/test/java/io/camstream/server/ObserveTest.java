package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Helidon's observe endpoints with camstream's checks and meters. */
class ObserveTest {

    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\",?)*})? -?[0-9.eE+-]+|NaN");

    @Test
    void healthHasLivenessForTheServerAndReadinessPerCameraWithDetails() throws Exception {
        try (RunningServer server = twoCameras();
             InputStream stream = Http.stream(server.uri("/cameras/desk/stream")).body()) {
            new MjpegReader(stream, MjpegFormat.BOUNDARY).next();
            HttpResponse<String> response = Http.getText(server.uri("/observe/health"));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
            assertThat(health.getString("status")).isEqualTo("UP");
            assertThat(health.getJsonArray("checks")).extracting(c -> c.asJsonObject().getString("name"))
                    .containsExactly("server", "camera-desk", "camera-door", "config");
            JsonObject desk = health.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                    .filter(c -> c.getString("name").equals("camera-desk")).findFirst().orElseThrow();
            assertThat(desk.getJsonObject("data").getBoolean("online")).isTrue();
            assertThat(Http.getText(server.uri("/observe/health/ready")).statusCode()).isEqualTo(200);
            assertThat(Http.getText(server.uri("/observe/health/live")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void cameraShowingNoSignalIsNotReadyAndSaysWhy() throws Exception {
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: attic
                      driver: broken
                """);
             InputStream stream = Http.stream(server.uri("/cameras/attic/stream")).body()) {
            new MjpegReader(stream, MjpegFormat.BOUNDARY).next();
            HttpResponse<String> ready = Http.getText(server.uri("/observe/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonObject attic = Json.createReader(new StringReader(ready.body())).readObject()
                    .getJsonArray("checks").getJsonObject(0);
            assertThat(attic.getString("status")).isEqualTo("DOWN");
            assertThat(attic.getJsonObject("data").getString("lastError"))
                    .isEqualTo("cannot open /dev/video9: No such device");
            assertThat(Http.getText(server.uri("/observe/health/live")).statusCode()).isEqualTo(200);

            JsonObject api = Json.createReader(new StringReader(
                    Http.getText(server.uri("/api/cameras/attic")).body())).readObject();
            assertThat(api.getBoolean("online")).isFalse();
            assertThat(api.getJsonObject("last-error").getString("message"))
                    .isEqualTo("cannot open /dev/video9: No such device");
            assertThat(api.getInt("driver-restarts")).isPositive();
        }
    }

    @Test
    void metricsArePrometheusTextWithOneSeriesPerCameraAndNoStreamDurations() throws Exception {
        try (RunningServer server = twoCameras()) {
            try (InputStream stream = Http.stream(server.uri("/cameras/desk/stream")).body()) {
                MjpegReader reader = new MjpegReader(stream, MjpegFormat.BOUNDARY);
                for (int i = 0; i < 10; i++) {
                    reader.next();
                }
                HttpResponse<String> response = Http.getText(server.uri("/observe/metrics"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
                List<String> lines = response.body().lines().toList();
                assertThat(lines).allSatisfy(line -> assertThat(line.startsWith("#") || line.isEmpty()
                        || SAMPLE.matcher(line.replace(",}", "}")).matches()).as(line).isTrue());
                for (String name : List.of("camstream_frames_captured_total", "camstream_frames_sent_total",
                        "camstream_bytes_sent_total", "camstream_frames_skipped_total", "camstream_viewers",
                        "camstream_driver_restarts_total", "camstream_capture_fps", "camstream_frame_bytes")) {
                    assertThat(lines).as(name).anyMatch(l -> l.startsWith(name + "{camera=\"desk\""));
                    assertThat(lines).as(name).anyMatch(l -> l.startsWith(name + "{camera=\"door\""));
                }
                assertThat(lines).anyMatch(l -> l.matches("camstream_viewers\\{camera=\"desk\".*} 1\\.0"));
                assertThat(lines).anyMatch(l -> l.matches("camstream_frames_sent_total\\{camera=\"desk\".*} "
                        + "([1-9][0-9]+)\\.0"));
                // The stream is open: nothing may count it as a long-running request or time its duration.
                assertThat(lines).noneMatch(l -> l.contains("longRunning") || l.contains("inFlight") || l.contains("duration"));
            }
        }
    }

    @Test
    void stoppedServerLeavesNoMetersOfItsCamerasBehind() throws Exception {
        try (RunningServer first = RunningServer.simCamera("gone", 160, 120, 5)) {
            assertThat(Http.getText(first.uri("/observe/metrics")).body()).contains("camera=\"gone\"");
        }
        try (RunningServer second = RunningServer.simCamera("kept", 160, 120, 5)) {
            assertThat(Http.getText(second.uri("/observe/metrics")).body())
                    .contains("camera=\"kept\"")
                    .doesNotContain("camera=\"gone\"");
        }
    }

    private static RunningServer twoCameras() {
        return RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                      fps: 20
                    - name: door
                      driver: sim
                      width: 160
                      height: 120
                      fps: 5
                """);
    }
}

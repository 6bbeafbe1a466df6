package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration file edited while a viewer watches camera {@code a} throughout: camera {@code b} is added,
 * changed and removed, a bad edit is refused and fixed, and SIGHUP reads a file that is no longer watched. Camera
 * {@code b}'s state follows each step in the API, health, metrics and pages; {@code a}'s viewer receives every
 * frame, numbered by the counting driver, with no gap longer than two frame intervals.
 */
class LiveConfigTest {

    private static final int FPS = 5;
    private static final Duration INTERVAL = Duration.ofMillis(1000 / FPS);
    /** A change is applied within the settle time (1 s) and a look (0.25 s) of being saved; this leaves room. */
    private static final Duration APPLIED = Duration.ofSeconds(5);

    private static final String A = camera("a", FPS);
    private static final String B = camera("b", FPS);

    @TempDir
    Path dir;
    private Path file;
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUntouchedCamerasViewerGetsEveryFrameWhileOthersComeChangeGoAndBadEditsAreRefused() throws Exception {
        file = write(A);
        server = RunningServer.fromFile(file);
        try (StreamWatcher a = StreamWatcher.open(server.uri("/cameras/a/stream"))) {
            a.awaitArrivals(3);

            write(A + B);
            Await.until("b in the API", APPLIED, () -> server.status("/api/cameras/b") == 200);
            assertThat(cameraNames()).containsExactly("a", "b");
            assertThat(server.text("/")).contains("data-tile=\"/cameras/b/snapshot\"");
            assertThat(healthChecks()).contains("camera-b");
            assertThat(server.text("/observe/metrics")).contains("camstream_frames_captured_total{camera=\"b\"");
            StreamWatcher b = StreamWatcher.open(server.uri("/cameras/b/stream"));
            b.awaitArrivals(2);

            write(A + camera("b", 2));
            assertThat(b.awaitEnd()).as("b's viewer when b changed").isEqualTo(StreamWatcher.End.CLOSING_BOUNDARY);
            Await.until("b at 2 fps", APPLIED, () -> server.json("/api/cameras/b").getJsonObject("configured")
                    .getInt("fps") == 2);
            StreamWatcher changedB = StreamWatcher.open(server.uri("/cameras/b/stream"));
            changedB.awaitArrivals(1);

            write(A);
            assertThat(changedB.awaitEnd()).as("b's viewer when b was removed")
                    .isEqualTo(StreamWatcher.End.CLOSING_BOUNDARY);
            Await.until("b gone from the API", APPLIED, () -> server.status("/api/cameras/b") == 404);
            assertThat(cameraNames()).containsExactly("a");
            assertThat(server.text("/")).doesNotContain("/cameras/b/");
            assertThat(healthChecks()).doesNotContain("camera-b").contains("camera-a");
            assertThat(server.text("/observe/metrics")).doesNotContain("camera=\"b\"").contains("camera=\"a\"");

            write(A + B.replace("fps: " + FPS, "fps: 500"));
            Await.until("the edit refused", APPLIED, () -> server.json("/api/config").getString("on-disk").equals("refused"));
            String reason = server.json("/api/config").getJsonObject("refused").getString("reason");
            assertThat(reason).isEqualTo("camstream.cameras.1.fps: '500' is out of range (allowed: 1 to 100)");
            assertThatThrownBy(() -> CamstreamServer.start(file)).as("start-up with the same file")
                    .hasMessage(reason);
            JsonObject config = server.healthCheck("config");
            assertThat(config.getString("status")).isEqualTo("UP");
            assertThat(config.getJsonObject("data").getString("onDisk")).isEqualTo("refused");
            assertThat(config.getJsonObject("data").getString("reason")).isEqualTo(reason);
            assertThat(server.status("/observe/health/ready")).as("a refused edit keeps the server ready")
                    .isEqualTo(200);
            assertThat(cameraNames()).containsExactly("a");

            write(A + B);
            Await.until("the fixed file in force", APPLIED, () -> server.json("/api/config").getString("on-disk")
                    .equals("in force"));
            assertThat(server.json("/api/config").isNull("refused")).isTrue();
            assertThat(cameraNames()).containsExactly("a", "b");

            String unwatched = "  watch-config: false\n";
            write(unwatched, A + B);
            Await.until("the file no longer watched", APPLIED, () -> !server.json("/api/config").getBoolean("watched"));
            write(unwatched, A + B + camera("c", FPS));
            TimeUnit.SECONDS.sleep(3);
            assertThat(server.status("/api/cameras/c")).as("c while the file is not watched").isEqualTo(404);
            server.server().reload();
            assertThat(server.status("/api/cameras/c")).as("c once SIGHUP read the file").isEqualTo(200);

            a.awaitArrivals(2);
            assertThat(a.ended()).isFalse();
            a.assertEveryFrameInTime(INTERVAL);
        }
    }

    @Test
    void keysThatNeedARestartAreReportedAndLeftAsTheyRun() throws Exception {
        file = write(A);
        server = RunningServer.fromFile(file);
        int port = server.port();
        write(FreePort.pick(), "  viewer-write-timeout: 3s\n", A);
        Await.until("the change in force", APPLIED, () -> !server.json("/api/config").getJsonArray("restart-needed")
                .isEmpty());
        assertThat(server.json("/api/config").getJsonArray("restart-needed").getValuesAs(JsonString::getString))
                .containsExactly("camstream.viewer-write-timeout", "server.port");
        assertThat(server.healthCheck("config").getJsonObject("data").getString("restartNeeded"))
                .isEqualTo("camstream.viewer-write-timeout, server.port");
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.status("/api/cameras/a")).isEqualTo(200);
        write(A);
        Await.until("no restart needed", APPLIED, () -> server.json("/api/config").getJsonArray("restart-needed").isEmpty());
    }

    private static String camera(String name, int fps) {
        return """
                    - name: %s
                      driver: counting
                      fps: %d
                """.formatted(name, fps);
    }

    private Path write(String cameras) throws Exception {
        return write(0, "", cameras);
    }

    private Path write(String camstreamKeys, String cameras) throws Exception {
        return write(0, camstreamKeys, cameras);
    }

    /** Writes the file in place (truncate and write), as many editors save. */
    private Path write(int port, String camstreamKeys, String cameras) throws Exception {
        return Files.writeString(dir.resolve("application.yaml"), "server:\n  port: " + port
                + "\n  host: 127.0.0.1\ncamstream:\n" + camstreamKeys + "  cameras:\n" + cameras);
    }

    private List<String> cameraNames() {
        return server.json("/api/cameras").getJsonArray("cameras").stream()
                .map(camera -> camera.asJsonObject().getString("name")).toList();
    }

    private List<String> healthChecks() {
        return server.json("/observe/health").getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name")).toList();
    }
}

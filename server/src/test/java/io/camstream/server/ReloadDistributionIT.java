package io.camstream.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged distribution told to read its configuration again by SIGHUP, as {@code systemctl reload} tells it,
 * through the launcher's real signal path, while a viewer watches camera {@code a}: camera {@code b} is added,
 * changed and removed, a bad edit is refused and fixed, each on a SIGHUP alone (the file is not watched), and
 * {@code a}'s viewer receives every frame.
 */
class ReloadDistributionIT {

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration AT_ONCE = Duration.ofSeconds(3);
    private static final String A = camera("a", 5);
    private static final String B = camera("b", 5);

    @TempDir
    Path dir;
    private Path config;
    private Path drivers;

    @Test
    void sighupReadsTheFileAtOnceWhileAViewerOfAnUntouchedCameraGetsEveryFrame() throws Exception {
        drivers = Files.createDirectory(dir.resolve("drivers"));
        TestDriverJars.counting(drivers.resolve("counting.jar"), "counting", 1);
        config = write(A);
        try (Distribution.Launched server = Distribution.launch(config)) {
            Endpoint camstream = new Endpoint(server.awaitPort());
            try (StreamWatcher a = StreamWatcher.open(camstream.uri("/cameras/a/stream"))) {
                a.awaitArrivals(3);

                write(A + B);
                Thread.sleep(3000); // longer than a watched file takes to be applied
                assertThat(camstream.status("/api/cameras/b")).as("b before SIGHUP").isEqualTo(404);
                server.signal("HUP");
                Await.until("b after SIGHUP", AT_ONCE, () -> camstream.status("/api/cameras/b") == 200);
                assertThat(camstream.healthCheck("camera-b").getString("status")).isEqualTo("UP");
                assertThat(camstream.text("/observe/metrics")).contains("camera=\"b\"");
                assertThat(camstream.text("/")).contains("data-tile=\"/cameras/b/snapshot\"");

                write(A + camera("b", 2));
                server.signal("HUP");
                Await.until("b changed", AT_ONCE, () -> camstream.json("/api/cameras/b")
                        .getJsonObject("configured").getInt("fps") == 2);

                write(A);
                server.signal("HUP");
                Await.until("b removed", AT_ONCE, () -> camstream.status("/api/cameras/b") == 404);
                assertThat(camstream.text("/observe/metrics")).doesNotContain("camera=\"b\"");

                write(A + B.replace("driver: counting", "driver: countin"));
                server.signal("HUP");
                Await.until("the bad edit refused", AT_ONCE, () -> camstream.json("/api/config")
                        .getString("on-disk").equals("refused"));
                assertThat(camstream.json("/api/config").getJsonObject("refused").getString("reason"))
                        .startsWith("camstream.cameras.1.driver: 'countin' is not an installed driver.");
                assertThat(camstream.status("/observe/health/ready")).isEqualTo(200);

                write(A + B);
                server.signal("HUP");
                Await.until("the fixed file in force", AT_ONCE, () -> camstream.json("/api/config")
                        .getString("on-disk").equals("in force") && camstream.status("/api/cameras/b") == 200);

                a.awaitArrivals(2);
                assertThat(a.ended()).isFalse();
                a.assertEveryFrameInTime(INTERVAL);
            }
            assertThat(server.output()).contains("SIGHUP: reading " + config);
            server.terminate();
            assertThat(server.awaitExit()).as(server.output()).isZero();
        }
    }

    private Path write(String cameras) throws Exception {
        return Files.writeString(dir.resolve("application.yaml"), """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  watch-config: false
                  drivers-dir: %s
                  cameras:
                """.formatted(drivers) + cameras);
    }

    private static String camera(String name, int fps) {
        return """
                    - name: %s
                      driver: counting
                      fps: %d
                """.formatted(name, fps);
    }
}

package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver jar copied into the drivers directory while the server runs, replaced by new versions, broken, removed
 * and put back, with a viewer of its camera watching throughout: the camera waits for its driver, starts on it,
 * restarts on each new version (its viewer stays), ignores a broken one, shows NO SIGNAL saying why once the jar is
 * gone, and the old versions' class loaders are released.
 */
class LiveDriversTest {

    private static final Duration TAKEN = Duration.ofSeconds(8);
    private static final String A = """
                - name: a
                  driver: counting
            """;
    private static final String X = """
                - name: x
                  driver: dropped
            """;

    @TempDir
    Path dir;
    private Path drivers;
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCameraFollowsItsDriverJarAsItComesIsReplacedBreaksAndGoes() throws Exception {
        drivers = Files.createDirectory(dir.resolve("drivers"));
        Path file = write(A);
        server = RunningServer.fromFile(file);

        write(A + X);
        Await.until("the camera without its driver refused", TAKEN,
                () -> server.json("/api/config").getString("on-disk").equals("refused"));
        assertThat(server.json("/api/config").getJsonObject("refused").getString("reason"))
                .startsWith("camstream.cameras.1.driver: 'dropped' is not an installed driver.");

        Path jar = TestDriverJars.counting(drivers.resolve("dropped.jar"), "dropped", 1);
        Await.until("the refused file applied once its driver came", TAKEN,
                () -> server.json("/api/config").getString("on-disk").equals("in force"));
        assertThat(server.status("/api/cameras/x")).isEqualTo(200);
        try (StreamWatcher x = StreamWatcher.open(server.uri("/cameras/x/stream"))) {
            awaitVersion(x, "1");
            WeakReference<ClassLoader> first = new WeakReference<>(loaderOf("dropped"));

            TestDriverJars.counting(jar, "dropped", 2);
            awaitVersion(x, "2");
            assertThat(server.json("/api/cameras/x").getJsonObject("driver-details").getString("version")).isEqualTo("2");
            assertThat(collected(first)).as("version 1's class loader released").isTrue();

            byte[] whole = Files.readAllBytes(jar);
            Path broken = Files.write(dir.resolve("broken.jar"), Arrays.copyOf(whole, whole.length / 2));
            Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(broken, jar, StandardCopyOption.REPLACE_EXISTING);
            Await.until("the broken jar reported", TAKEN, () -> server.json("/api/config").getJsonArray("refused-jars")
                    .stream().map(JsonValue::asJsonObject).anyMatch(refused -> refused.getString("jar")
                            .equals(jar.toString()) && refused.getString("reason").contains("not a complete one")));
            int before = x.counted().size();
            x.awaitArrivals(3);
            assertThat(x.counted().subList(before, x.counted().size()))
                    .as("frames after the broken jar came").allSatisfy(frame -> assertThat(frame.version())
                            .isEqualTo("2"));

            Files.delete(jar);
            Await.until("NO SIGNAL on x", TAKEN, () -> x.last().filter(part -> part.counted().isEmpty())
                    .isPresent());
            String reason = "driver dropped was removed: " + jar + " is gone";
            assertThat(server.json("/api/cameras/x").getJsonObject("last-error").getString("message")).isEqualTo(reason);
            JsonObject health = server.healthCheck("camera-x");
            assertThat(health.getString("status")).isEqualTo("DOWN");
            assertThat(health.getJsonObject("data").getString("driverMissing")).isEqualTo(reason);
            assertThat(server.healthCheck("camera-a").getString("status")).isEqualTo("UP");

            TestDriverJars.counting(jar, "dropped", 3);
            awaitVersion(x, "3");
            assertThat(server.healthCheck("camera-x").getString("status")).isEqualTo("UP");
            assertThat(x.ended()).as("x's stream, open throughout").isFalse();
        }
    }

    private static void awaitVersion(StreamWatcher watcher, String version) throws InterruptedException {
        Await.until("frames of version " + version, TAKEN, () -> watcher.last()
                .flatMap(StreamWatcher.Arrival::counted).map(frame -> frame.version().equals(version)).orElse(false));
    }

    private ClassLoader loaderOf(String driver) {
        return server.server().drivers().find(driver).orElseThrow().provider().getClass().getClassLoader();
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int attempt = 0; attempt < 20 && reference.get() != null; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        return reference.get() == null;
    }

    private Path write(String cameras) throws IOException {
        return Files.writeString(dir.resolve("application.yaml"), """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  drivers-dir: %s
                  cameras:
                """.formatted(drivers) + cameras);
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged distribution, started with bin/camstream as a user starts it. */
class DistributionIT {

    @TempDir
    Path dir;

    @Test
    void dropInSimDriverJarIsFoundAndStreams() throws Exception {
        Path drivers = Files.createDirectory(dir.resolve("drivers"));
        Path config = config(drivers, "sim");

        try (Distribution.Launched withoutJar = Distribution.launch(config)) {
            assertThat(withoutJar.awaitExit()).isNotZero();
            assertThat(withoutJar.output())
                    .contains("camstream.cameras.0.driver: 'sim' is not an installed driver")
                    .contains("Installed drivers: none")
                    .contains(drivers.toAbsolutePath().toString());
        }

        Files.copy(Distribution.simDriverJar(), drivers.resolve(Distribution.simDriverJar().getFileName()));
        try (Distribution.Launched withJar = Distribution.launch(config)) {
            int port = withJar.awaitPort();
            assertThat(withJar.output()).contains("Camera driver 'sim'").contains(drivers.toString());
            try (InputStream body = Http.stream(URI.create("http://127.0.0.1:" + port + "/video_feed")).body()) {
                MjpegReader.Part part = new MjpegReader(body, MjpegFormat.BOUNDARY).next();
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.body()));
                assertThat(image.getWidth()).isEqualTo(320);
                assertThat(image.getHeight()).isEqualTo(240);
            }
        }
    }

    @Test
    void hashPasswordReadsStandardInputWithoutATerminalAndPrintsAHashTheServerAccepts() throws Exception {
        Process hashing = new ProcessBuilder(Distribution.launcher().toString(), "hash-password").start();
        try (var stdin = hashing.getOutputStream()) {
            stdin.write("open sesame\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(hashing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String hash = new String(hashing.getInputStream().readAllBytes()).trim();
        String notice = new String(hashing.getErrorStream().readAllBytes());
        assertThat(hashing.exitValue()).as(notice).isZero();
        assertThat(notice).contains("no terminal");
        assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContain("open sesame");

        Path config = dir.resolve("auth.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  drivers-dir: %s
                  auth:
                    users:
                      - username: admin
                        password-hash: "%s"
                  cameras:
                    - name: default
                      driver: sim
                """.formatted(Distribution.home().resolve("drivers"), hash));
        try (Distribution.Launched server = Distribution.launch(config)) {
            int port = server.awaitPort();
            var client = java.net.http.HttpClient.newHttpClient();
            var page = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"));
            assertThat(client.send(page.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(401);
            String login = java.util.Base64.getEncoder().encodeToString("admin:open sesame".getBytes());
            assertThat(client.send(page.header("Authorization", "Basic " + login).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(server.output()).doesNotContain(hash.split("\\$")[3]);
        }
    }

    @Test
    void sigtermStopsCamerasEndsStreamsAndExitsZeroWithinFiveSeconds() throws Exception {
        Path config = installedSimCamera();
        try (Distribution.Launched server = Distribution.launch(config)) {
            int port = server.awaitPort();
            InputStream body = Http.stream(URI.create("http://127.0.0.1:" + port + "/video_feed")).body();
            new MjpegReader(body, MjpegFormat.BOUNDARY).next();
            CompletableFuture<Long> streamEnd = Http.drain(body);

            long start = System.nanoTime();
            server.terminate();
            assertThat(server.process.waitFor(5, TimeUnit.SECONDS)).as("exited within 5 s").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(server.process.exitValue()).isZero();
            streamEnd.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theStartUpLineNamesTheSchemeAndTheAddressServed() throws Exception {
        TestCertificate tls = TestCertificate.in(dir);
        Path config = dir.resolve("tls.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                %scamstream:
                  drivers-dir: %s
                  cameras:
                    - name: desk
                      driver: sim
                """.formatted(tls.serverYaml(), Distribution.home().resolve("drivers")));
        try (Distribution.Launched server = Distribution.launch(config)) {
            int port = server.awaitPort();
            assertThat(server.output())
                    .contains("camstream serves 1 camera(s) [desk] at https://127.0.0.1:" + port + "/")
                    .doesNotContain("http://localhost");
        }
    }

    @Test
    void aRunThatStartsWellIsRecordedAndLaterStartsMapTheCacheMadeOfIt() throws Exception {
        Path cacheHome = Files.createDirectory(dir.resolve("cache"));
        Path cache = cacheHome.resolve("camstream");

        // A configuration mistake loads only part of the server: its recording must not become the cache.
        try (Distribution.Launched mistaken = Distribution.launch(cacheHome, installedSimCamera("fps: lots"))) {
            assertThat(mistaken.awaitExit()).isEqualTo(2);
        }
        assertThat(files(cache)).noneMatch(name -> name.endsWith(".started"));

        Path config = installedSimCamera();
        Run recording = runOnceAndStop(cacheHome, config);
        assertThat(files(cache)).as(recording.output()).anyMatch(name -> name.endsWith(".started"));
        boolean aot = recording.commandLine().contains("-XX:AOTMode=record");
        assertThat(aot).as("an AOT cache with Java 25 and later, a CDS archive before: %s", recording.commandLine())
                .isEqualTo(javaFeature(recording.commandLine()) >= 25);
        if (aot) { // Java 25 and later: the next launch builds the cache in the background and starts without it
            assertThat(files(cache)).anyMatch(name -> name.endsWith(".aotconf"));
            Run building = runOnceAndStop(cacheHome, config);
            assertThat(building.commandLine()).doesNotContain("-XX:AOT");
            Await.until("the cache built in the background", Duration.ofSeconds(60),
                    () -> files(cache).size() == 1 && files(cache).getFirst().endsWith(".aot"));
        } else {
            assertThat(recording.commandLine()).contains("-XX:ArchiveClassesAtExit=");
        }

        String cacheFile = files(cache).stream().filter(name -> name.endsWith(".aot") || name.endsWith(".jsa"))
                .findFirst().orElseThrow(() -> new AssertionError("no cache in " + files(cache)));
        assertThat(Files.size(cache.resolve(cacheFile))).isGreaterThan(1_000_000);
        Run mapped = runOnceAndStop(cacheHome, config);
        assertThat(mapped.commandLine()).contains((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=")
                + cache.resolve(cacheFile)).doesNotContain("startup-recording");
    }

    /** The feature release of the java a command line starts, from its installation's release file. */
    private static int javaFeature(String commandLine) throws IOException {
        Path java = Path.of(commandLine.split(" ")[0]).toRealPath();
        String release = Files.readString(java.getParent().getParent().resolve("release"));
        Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        assertThat(version.find()).as(release).isTrue();
        return Integer.parseInt(version.group(1));
    }

    private static List<String> files(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(String commandLine, String output) {
    }

    /** Starts the installation, reads a frame, stops it with SIGTERM. */
    private static Run runOnceAndStop(Path cacheHome, Path config) throws Exception {
        try (Distribution.Launched server = Distribution.launch(cacheHome, config)) {
            int port = server.awaitPort();
            String commandLine = server.commandLine();
            try (InputStream body = Http.stream(URI.create("http://127.0.0.1:" + port + "/video_feed")).body()) {
                assertThat(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()).isNotEmpty();
            }
            server.terminate();
            assertThat(server.awaitExit()).as(server.output()).isZero();
            return new Run(commandLine, server.output());
        }
    }

    @Test
    void configurationMistakeExitsNonZeroWithOneMessageAndNoStackTrace() throws Exception {
        Path config = installedSimCamera("fps: lots");
        try (Distribution.Launched server = Distribution.launch(config)) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(server.output())
                    .contains("camstream: camstream.cameras.0.fps: 'lots' is not a whole number (allowed: 1 to 120)")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void missingFolderIsAStartupErrorNamingTheKey() throws Exception {
        Path config = installedSimCamera("folder: /no/such/folder");
        try (Distribution.Launched server = Distribution.launch(config)) {
            assertThat(server.awaitExit()).isEqualTo(2);
            assertThat(server.output()).contains("camstream.cameras.0.folder: '/no/such/folder' does not exist");
        }
    }

    /** A sim camera of the installation's own drivers directory, with extra keys. */
    private Path installedSimCamera(String... extraKeys) throws Exception {
        return config(Distribution.home().resolve("drivers"), "sim", extraKeys);
    }

    @Test
    void httpAndV4l2DriversShipAsDropInJarsAndAnEdgeRelaysAUsbStyleCamera() throws Exception {
        Tools.require("ffmpeg");
        try (var jars = Files.list(Distribution.home().resolve("drivers"))) {
            assertThat(jars.map(f -> f.getFileName().toString()).toList())
                    .anyMatch(name -> name.startsWith("camstream-driver-http-"))
                    .anyMatch(name -> name.startsWith("camstream-driver-v4l2-"));
        }
        Path originConfig = dir.resolve("origin.yaml");
        Files.writeString(originConfig, """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  cameras:
                    - name: usb
                      driver: v4l2
                      input-format: yuyv422
                      input: -re -f lavfi -i testsrc2=size=240x176:rate=15
                """);
        try (Distribution.Launched origin = Distribution.launch(originConfig)) {
            int originPort = origin.awaitPort();
            Path edgeConfig = dir.resolve("edge.yaml");
            Files.writeString(edgeConfig, """
                    server:
                      port: 0
                      host: 127.0.0.1
                    camstream:
                      cameras:
                        - name: relay
                          driver: http
                          url: http://127.0.0.1:%d/cameras/usb/stream
                    """.formatted(originPort));
            try (Distribution.Launched edge = Distribution.launch(edgeConfig)) {
                int port = edge.awaitPort();
                assertThat(edge.output()).contains("Camera driver 'http'").contains("Camera driver 'v4l2'");
                try (InputStream body = Http.stream(URI.create("http://127.0.0.1:" + port + "/video_feed")).body()) {
                    MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                    BufferedImage image = null;
                    for (int i = 0; i < 30 && (image == null || image.getWidth() != 240); i++) {
                        image = ImageIO.read(new ByteArrayInputStream(reader.next().body()));
                    }
                    assertThat(image.getWidth()).as("a relayed frame of the origin's camera").isEqualTo(240);
                    assertThat(image.getHeight()).isEqualTo(176);
                }
            }
        }
    }

    @Test
    void helpListsTheCommandsAndExitsZeroWithoutStartingTheServer() throws Exception {
        Process help = new ProcessBuilder(Distribution.launcher().toString(), "--help").redirectErrorStream(true)
                .start();
        String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(output).startsWith("Usage: camstream [--config FILE]")
                .contains("camstream devices", "camstream hash-password", "camstream link --camera NAME", "JAVA_OPTS")
                .doesNotContain("Unknown argument");
    }

    @Test
    void devicesListsV4l2CamerasOrSaysThatThereIsNone() throws Exception {
        Tools.require("ffmpeg");
        Process devices = new ProcessBuilder(Distribution.launcher().toString(), "devices", "/dev/video-none")
                .redirectErrorStream(true)
                .start();
        String output = new String(devices.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(devices.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(devices.exitValue()).isZero();
        assertThat(output).contains("/dev/video-none").contains("No such file or directory")
                .contains("driver: v4l2");
    }

    private Path config(Path drivers, String driver, String... extraKeys) throws Exception {
        Path config = dir.resolve("application.yaml");
        StringBuilder camera = new StringBuilder();
        for (String key : extraKeys) {
            camera.append("\n      ").append(key);
        }
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  drivers-dir: %s
                  cameras:
                    - name: desk
                      driver: %s
                      width: 320
                      height: 240%s
                """.formatted(drivers, driver, camera));
        return config;
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server under a low limit of open files ({@code prlimit}, as {@code LimitNOFILE=} would set it),
 * flooded with idle connections from one address. With the default caps the flood never reaches the limit and a
 * viewer from another address streams through it; with caps set above the limit, the listener runs out of
 * descriptors, backs off and closes idle connections instead of dying, accepts again within seconds once the flood
 * stops, and its health says what happened.
 */
class DescriptorLimitIT {

    private static final int DESCRIPTORS = 320;
    private static final int MOMENTARY_FAILURES = 5;
    private static final Pattern COUNT = Pattern.compile("\"%s\":(\\d+)");

    @TempDir
    Path dir;

    @BeforeEach
    void prlimit() {
        Tools.require("prlimit");
    }

    @Test
    void withTheDefaultCapsAFloodFromOneAddressNeverExhaustsTheDescriptorsAndAnotherAddressStreams()
            throws Exception {
        try (Distribution.Launched server = Distribution.launchWithDescriptorLimit(DESCRIPTORS, config(""))) {
            int port = server.awaitPort();
            List<Socket> flood = flood(port, 1_000);
            try (RawHttp viewer = RawHttp.get(InetAddress.getByName("127.0.0.2"), port, "/video_feed", "HTTP/1.1", "Host: x")) {
                MjpegReader frames = new MjpegReader(viewer.body(viewer.head()), MjpegFormat.BOUNDARY);
                for (int i = 0; i < 10; i++) {
                    assertThat(frames.next().body()).startsWith(0xFF, 0xD8);
                }
                String health = health("127.0.0.2", port);
                // A connection closed to make room gives its descriptor back only once the thread reading it has
                // woken up (the JDK defers the close of a channel another thread blocks on), so at the height of
                // the flood an accept may fail for a moment; the caps keep it to a few, where without them the
                // limit is hit dozens of times (the test below).
                assertThat(count(health, "acceptFailures")).as(health).isLessThanOrEqualTo(MOMENTARY_FAILURES);
                assertThat(count(health, "busiestClientConnections")).as(health).isLessThanOrEqualTo(128);
                assertThat(count(health, "maxConnections")).as(health).isEqualTo(DESCRIPTORS - 128);
            } finally {
                close(flood);
            }
        }
    }

    @Test
    void withCapsAboveTheLimitTheListenerOutlastsTheShortageAndAcceptsAgainOnceTheFloodStops() throws Exception {
        Path config = config("""
                  max-connections: 100000
                  max-connections-per-client: 100000
                """);
        try (Distribution.Launched server = Distribution.launchWithDescriptorLimit(DESCRIPTORS, config)) {
            int port = server.awaitPort();
            List<Socket> flood = flood(port, 1_000);
            Await.until("the listener runs out of descriptors", Duration.ofSeconds(30),
                    () -> server.output().contains("Too many open files"));
            close(flood);
            long stopped = System.nanoTime();
            String health = null;
            for (int attempt = 0; health == null; attempt++) {
                try {
                    health = health("127.0.0.2", port);
                } catch (IOException e) {
                    assertThat(attempt).as("attempts to connect after the flood stopped").isLessThan(50);
                    Thread.sleep(100);
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("until it accepted again")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(health).contains("\"status\":\"UP\"").contains("\"lastAcceptFailure\":\"Too many open files\"");
            assertThat(count(health, "acceptFailures")).isPositive();
            try (RawHttp viewer = RawHttp.get(InetAddress.getByName("127.0.0.2"), port, "/video_feed", "HTTP/1.1", "Host: x")) {
                MjpegReader frames = new MjpegReader(viewer.body(viewer.head()), MjpegFormat.BOUNDARY);
                assertThat(frames.next().body()).startsWith(0xFF, 0xD8);
            }
            assertThat(server.process.isAlive()).isTrue();
            assertThat(server.output()).doesNotContain("terminating now").doesNotContain("\tat ");
        }
    }

    private Path config(String extraKeys) throws IOException {
        Path config = dir.resolve("application.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  drivers-dir: %s
                  header-read-timeout: 60s
                %s  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                """.formatted(Distribution.home().resolve("drivers"), extraKeys));
        return config;
    }

    /** Idle connections from 127.0.0.1, as many as given; those the server closes meanwhile are just closed. */
    private static List<Socket> flood(int port, int connections) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sockets.add(Sockets.connect(port, "127.0.0.1"));
        }
        return sockets;
    }

    private static void close(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static String health(String from, int port) throws IOException {
        try (RawHttp health = RawHttp.get(InetAddress.getByName(from), port, "/observe/health", "HTTP/1.1", "Host: x",
                "Connection: close")) {
            String head = health.head();
            return head + new String(health.body(head).readAllBytes());
        }
    }

    private static long count(String health, String name) {
        Matcher matcher = Pattern.compile(COUNT.pattern().formatted(name)).matcher(health);
        assertThat(matcher.find()).as("%s in %s", name, health).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.server.net.ConnectionFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections per client address are capped, the oldest idle ones closed first: a client that opens thousands of
 * idle connections holds no more than its cap, while a viewer from another address streams; a client whose
 * connections are all busy is refused; a trusted proxy is not held to the cap.
 */
class ConnectionCapsTest {

    private static final int PER_CLIENT = 40;
    private static final int FPS = 20;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  header-read-timeout: 60s
                  max-connections-per-client: %d
                  auth:
                    trusted-proxies: [127.0.0.9]
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: %d
                """.formatted(PER_CLIENT, FPS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thousandsOfIdleConnectionsFromOneAddressHoldAtMostTheCapWhileAViewerFromAnotherAddressStreams()
            throws Exception {
        List<Long> frames = new ArrayList<>();
        AtomicReference<Exception> viewerFailure = new AtomicReference<>();
        Thread viewer = Thread.ofVirtual().start(() -> watch("127.0.0.2", Duration.ofSeconds(6), frames,
                viewerFailure));
        List<Socket> attack = new ArrayList<>();
        ConnectionFigures before = server.server().connections().figures();
        try {
            for (int i = 0; i < 3_000; i++) {
                attack.add(Sockets.connect(server.port(), "127.0.0.1"));
            }
            Await.until("the idle connections closed to make room are forgotten", Duration.ofSeconds(10),
                    () -> serverSideConnections() <= PER_CLIENT + 1);
            ConnectionFigures figures = server.server().connections().figures();
            assertThat(serverSideConnections()).as("connections open in the server's kernel")
                    .isLessThanOrEqualTo(PER_CLIENT + 1);
            assertThat(figures.open()).isLessThanOrEqualTo(PER_CLIENT + 1);
            // connections the kernel's accept queue dropped never reach the server: count those it accepted
            long accepted = figures.accepted() - before.accepted();
            assertThat(accepted).isGreaterThan(1_000);
            assertThat(figures.evicted() - before.evicted()).isGreaterThanOrEqualTo(accepted - PER_CLIENT - 1);
            assertThat(figures.refused()).isEqualTo(before.refused());
            viewer.join();
        } finally {
            for (Socket socket : attack) {
                socket.close();
            }
        }
        assertThat(viewerFailure.get()).as("the viewer's stream").isNull();
        assertThat(longestGapMillis(frames)).as("ms of the viewer's longest wait for a frame").isLessThan(1_000);
        assertThat(frames.size()).as("frames of a %d fps stream in 6 s", FPS).isGreaterThan(FPS * 6 / 2);
    }

    @Test
    void aClientWhoseConnectionsAreAllBusyIsRefusedAndAnotherClientIsNot() throws Exception {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT; i++) {
                Socket socket = Sockets.connect(server.port(), "127.0.0.3");
                Sockets.send(socket, "GET /video_feed HTTP/1.1\r\nHost: x\r\n\r\n");
                InputStream in = socket.getInputStream();
                assertThat(RawRequests.answer(in, 200).text()).startsWith("HTTP/1.1 200");
                streams.add(in);
            }
            long refusedBefore = server.server().connections().figures().refused();
            long start = System.nanoTime();
            try (Socket refused = Sockets.connect(server.port(), "127.0.0.3")) {
                Sockets.send(refused, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(Sockets.closedAfter(refused, start, Duration.ofSeconds(10)))
                        .as("closed at once").isLessThan(Duration.ofSeconds(2));
            }
            assertThat(server.server().connections().figures().refused()).isEqualTo(refusedBefore + 1);
            try (Socket other = Sockets.connect(server.port(), "127.0.0.4")) {
                Sockets.send(other, "GET /api/cameras HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(RawRequests.answer(other.getInputStream(), 1_000_000).status()).isEqualTo(200);
            }
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void theOldestIdleConnectionMakesRoomAndABusyOneNever() throws Exception {
        try (Socket idle = Sockets.connect(server.port(), "127.0.0.5")) {
            List<Socket> busy = new ArrayList<>();
            try {
                for (int i = 1; i < PER_CLIENT; i++) {
                    Socket socket = Sockets.connect(server.port(), "127.0.0.5");
                    Sockets.send(socket, "GET /video_feed HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertThat(RawRequests.answer(socket.getInputStream(), 200).text()).startsWith("HTTP/1.1 200");
                    busy.add(socket);
                }
                try (Socket newcomer = Sockets.connect(server.port(), "127.0.0.5")) {
                    long start = System.nanoTime();
                    assertThat(Sockets.closedAfter(idle, start, Duration.ofSeconds(10)))
                            .as("the idle connection closed for the newcomer").isLessThan(Duration.ofSeconds(2));
                    Sockets.send(newcomer, "GET /api/cameras HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                    assertThat(RawRequests.answer(newcomer.getInputStream(), 1_000_000).status()).isEqualTo(200);
                }
                for (Socket socket : busy) {
                    socket.setSoTimeout(5_000);
                    assertThat(socket.getInputStream().readNBytes(20_000)).as("a busy stream goes on").hasSize(20_000);
                }
            } finally {
                for (Socket socket : busy) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aTrustedProxyIsNotHeldToThePerClientCap() throws Exception {
        List<Socket> proxied = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT * 3; i++) {
                proxied.add(Sockets.connect(server.port(), "127.0.0.9"));
            }
            Await.until("all of the proxy's connections are admitted", Duration.ofSeconds(10),
                    () -> server.server().connections().figures().busiestClientOpen() == PER_CLIENT * 3);
            assertThat(server.server().connections().figures().busiestClient()).hasValue("127.0.0.9");
        } finally {
            for (Socket socket : proxied) {
                socket.close();
            }
        }
    }

    private static void watch(String from, Duration length, List<Long> frames, AtomicReference<Exception> failure) {
        try (RawHttp stream = RawHttp.get(InetAddress.getByName(from), server.port(), "/video_feed", "HTTP/1.1", "Host: x")) {
            MjpegReader reader = new MjpegReader(stream.body(stream.head()), MjpegFormat.BOUNDARY);
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                reader.next();
                frames.add(System.nanoTime());
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }

    private static long longestGapMillis(List<Long> frames) {
        long longest = 0;
        for (int i = 1; i < frames.size(); i++) {
            longest = Math.max(longest, frames.get(i) - frames.get(i - 1));
        }
        return longest / 1_000_000;
    }

    /** The server's side of its TCP connections, as the kernel has them: established, or closed by the client only. */
    private static long serverSideConnections() {
        String local = String.format(Locale.ROOT, ":%04X", server.port());
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                    .map(line -> line.trim().split("\\s+"))
                    .filter(f -> f.length > 3 && f[1].endsWith(local) && (f[3].equals("01") || f[3].equals("08")))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

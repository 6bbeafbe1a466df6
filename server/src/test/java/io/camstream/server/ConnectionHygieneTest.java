package io.camstream.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of connection gives back its descriptor, its thread and its memory when it ends: TLS handshakes, TLS
 * connections dropped in the middle of their handshake, TLS connections left idle until the server closes them, and
 * normal and aborted requests over HTTP/1.1, HTTP/1.0, h2c and HTTP/2 over TLS. CI runs a short mode; the figures
 * in docs/RELIABILITY.md come from {@code -Dcamstream.hygiene.connections=3000}.
 */
class ConnectionHygieneTest {

    private static final int ROUNDS = Integer.getInteger("camstream.hygiene.connections", 100);
    private static final long HEAP_MARGIN = 16L * 1024 * 1024;

    @TempDir
    Path dir;

    /** One kind of connection, opened and ended once. */
    @FunctionalInterface
    private interface Kind {
        void once(int round) throws Exception;
    }

    @Test
    void everyKindOfConnectionReturnsDescriptorsThreadsAndHeapToTheirStart() throws Exception {
        TestCertificate tls = TestCertificate.in(dir);
        String camstream = """
                camstream:
                  header-read-timeout: 500ms
                  max-connections-per-client: 10000
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                """;
        try (RunningServer plain = RunningServer.start("", camstream);
             RunningServer encrypted = RunningServer.start(tls.serverYaml(), camstream);
             HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
             HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                     .sslContext(tls.trustingContext()).build()) {
            int tlsPort = encrypted.port();
            int plainPort = plain.port();
            List<Kind> kinds = List.of(
                    round -> tlsRequest(tls, tlsPort, "http/1.1", "GET /api/cameras HTTP/1.1\r\nHost: x\r\n"
                            + "Connection: close\r\n\r\n"),
                    round -> tlsRequest(tls, tlsPort, "http/1.0", "GET /cameras/desk/snapshot HTTP/1.0\r\n\r\n"),
                    round -> droppedInTheHandshake(tlsPort, round),
                    round -> idleUntilTheServerCloses(tls, tlsPort),
                    round -> h2.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/api/cameras"))
                            .build(), HttpResponse.BodyHandlers.discarding()),
                    round -> h2c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plainPort
                            + "/api/cameras")).build(), HttpResponse.BodyHandlers.discarding()),
                    round -> plainRequest(plainPort, "GET /cameras/desk/stream HTTP/1.1\r\nHost: x\r\n\r\n", 3_000),
                    round -> plainRequest(plainPort, "GET /video_feed HTTP/1.0\r\n\r\n", 3_000),
                    round -> plainRequest(plainPort, "GET /api/cameras HTTP/1.1\r\nHost: x\r\nX-Cut: a", 0),
                    round -> plainRequest(plainPort, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 0),
                    round -> plainRequest(plainPort, "GET /api/cameras HTTP/1.0\r\nX-Cut: a", 0));
            run(kinds, 5);
            JvmFigures before = JvmFigures.now();

            long start = System.nanoTime();
            run(kinds, ROUNDS);
            h2.close();
            h2c.close();
            JvmFigures after = JvmFigures.settled(before);
            System.out.printf("connection hygiene: %d connections of %d kinds in %d s; %s%n", ROUNDS * kinds.size(),
                    kinds.size(), (System.nanoTime() - start) / 1_000_000_000, before.change(after));
            assertThat(after.threads()).as("live threads").isLessThanOrEqualTo(before.threads() + 2);
            assertThat(after.descriptors()).as("open file descriptors")
                    .isLessThanOrEqualTo(before.descriptors() + 4);
            assertThat(after.heap()).as("heap used after GC").isLessThanOrEqualTo(before.heap() + HEAP_MARGIN);
        }
    }

    /** Each kind, rounds times, on 16 clients at once. */
    private static void run(List<Kind> kinds, int rounds) throws InterruptedException {
        Clients.run(16, rounds * kinds.size(), i -> kinds.get(i % kinds.size()).once(i / kinds.size()));
    }

    private static void tlsRequest(TestCertificate tls, int port, String protocol, String request) throws Exception {
        try (SSLSocket socket = tls.connect(port, protocol)) {
            Sockets.send(socket, request);
            // under this load a handshake can outlast header-read-timeout: then the server closes without an answer
            socket.getInputStream().readAllBytes();
        }
    }

    /** A ClientHello cut short, then closed (every other round) or reset. */
    private static void droppedInTheHandshake(int port, int round) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            if (round % 2 == 0) {
                socket.setSoLinger(true, 0);
            }
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc});
        }
    }

    private static void idleUntilTheServerCloses(TestCertificate tls, int port) throws Exception {
        try (SSLSocket socket = tls.connect(port, "http/1.1")) {
            Sockets.closedAfter(socket, System.nanoTime(), Duration.ofSeconds(10));
        }
    }

    /** Sends the bytes, reads up to the given number of bytes of the answer, then resets the connection. */
    private static void plainRequest(int port, String request, int read) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            socket.setSoLinger(true, 0);
            socket.setSoTimeout(10_000);
            Sockets.send(socket, request);
            InputStream in = socket.getInputStream();
            in.readNBytes(read);
        }
    }
}

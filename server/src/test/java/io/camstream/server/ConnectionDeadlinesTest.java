package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection must send a whole request head within {@code header-read-timeout} of being accepted, whatever it
 * speaks (HTTP/1.1, HTTP/1.0, h2c, TLS and its handshake), and each later request within that time of its request
 * line; a connection idle between requests is closed after {@code keep-alive-timeout}; a stream is never cut by
 * either. Each deadline is checked from the client's side: when the server closes the socket.
 */
class ConnectionDeadlinesTest {

    private static final Duration HEAD = Duration.ofMillis(600);
    private static final Duration KEEP_ALIVE = Duration.ofMillis(1200);
    /** The deadline thread's tick (0.1 s) and a loaded two-core machine's scheduling. */
    private static final Duration LATE = Duration.ofMillis(900);
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final Duration TRICKLE = Duration.ofMillis(100);

    @TempDir
    static Path dir;
    private static TestCertificate tls;
    private static RunningServer plain;
    private static RunningServer encrypted;

    @BeforeAll
    static void start() throws Exception {
        tls = TestCertificate.in(dir);
        String camstream = """
                camstream:
                  header-read-timeout: %dms
                  keep-alive-timeout: %dms
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                      fps: 10
                """.formatted(HEAD.toMillis(), KEEP_ALIVE.toMillis());
        plain = RunningServer.start("", camstream);
        encrypted = RunningServer.start(tls.serverYaml(), camstream);
    }

    @AfterAll
    static void stop() {
        plain.close();
        encrypted.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithinTheHeaderReadTimeoutOfBeingAccepted() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            assertWithinHeadTimeout(Sockets.closedAfter(socket, start, LIMIT));
        }
    }

    @Test
    void aRequestLineTrickledAByteAtATimeIsClosedWithinTheHeaderReadTimeoutOfBeingAccepted() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            assertWithinHeadTimeout(Sockets.trickledUntilClosed(socket, "GET /video_feed?aaaaaaaaaaaaaaaaaaaaaaaaaa",
                    TRICKLE, start, LIMIT));
        }
    }

    @Test
    void http10HeadersTrickledAByteAtATimeAreClosedWithinTheHeaderReadTimeoutOfBeingAccepted() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            Sockets.send(socket, "GET /video_feed HTTP/1.0\r\nX-Slow: ");
            assertWithinHeadTimeout(Sockets.trickledUntilClosed(socket, "abcdefgh", TRICKLE, start, LIMIT));
        }
    }

    @Test
    void anH2cConnectionThatSendsItsPrefaceAndNoRequestIsClosedWithinTheHeaderReadTimeout() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes());
            socket.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
            assertWithinHeadTimeout(Sockets.closedAfter(socket, start, LIMIT));
        }
    }

    @Test
    void aTlsHandshakeThatNeverEndsIsClosedWithinTheHeaderReadTimeoutOfBeingAccepted() throws Exception {
        long start = System.nanoTime();
        try (Socket socket = Sockets.connect(encrypted.port(), "127.0.0.1")) {
            // the first bytes of a ClientHello, and no more
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xff, 0x01, 0x00});
            assertWithinHeadTimeout(Sockets.closedAfter(socket, start, LIMIT));
        }
    }

    @Test
    void aTlsConnectionThatSendsNothingAfterItsHandshakeIsClosedWithinTheHeaderReadTimeoutOfBeingAccepted()
            throws Exception {
        long start = System.nanoTime();
        try (SSLSocket socket = tls.connect(encrypted.port(), "http/1.1")) {
            assertWithinHeadTimeout(Sockets.closedAfter(socket, start, LIMIT));
        }
    }

    @Test
    void aLaterRequestWhoseHeadersAreTrickledIsClosedWithinTheHeaderReadTimeoutOfItsRequestLine() throws Exception {
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\n");
            RawRequests.Answer first = RawRequests.answer(socket.getInputStream(), 1_000_000);
            assertThat(first.status()).as(first.text()).isEqualTo(200);
            Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\n");
            long requestLine = System.nanoTime();
            assertWithinHeadTimeout(Sockets.trickledUntilClosed(socket, "X-Slow: abcdef", TRICKLE, requestLine,
                    LIMIT));
        }
    }

    @Test
    void aKeptAliveConnectionIdleBetweenRequestsIsClosedAfterTheKeepAliveTimeout() throws Exception {
        try (Socket socket = Sockets.connect(plain.port(), "127.0.0.1")) {
            Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\n");
            RawRequests.Answer first = RawRequests.answer(socket.getInputStream(), 1_000_000);
            assertThat(first.status()).as(first.text()).isEqualTo(200);
            long answered = System.nanoTime();
            Duration closed = Sockets.closedAfter(socket, answered, LIMIT);
            assertThat(closed).isBetween(KEEP_ALIVE.minus(LATE), KEEP_ALIVE.plus(LATE));
        }
    }

    @Test
    void aStreamLongerThanBothTimeoutsKeepsGettingFrames() throws Exception {
        try (var body = Http.stream(plain.uri("/video_feed")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            long start = System.nanoTime();
            int frames = 0;
            while (System.nanoTime() - start < HEAD.plus(KEEP_ALIVE).plus(LATE).toNanos()) {
                assertThat(reader.next().body()).startsWith(0xFF, 0xD8);
                frames++;
            }
            assertThat(frames).as("frames of a 10 fps stream in %s", HEAD.plus(KEEP_ALIVE).plus(LATE))
                    .isGreaterThan(12);
        }
    }

    @Test
    void theDeadlinesAreCountedInTheHealthFigures() throws Exception {
        long before = plain.server().connections().figures().slowHeads();
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", plain.port()));
            Sockets.closedAfter(socket, start, LIMIT);
        }
        assertThat(plain.server().connections().figures().slowHeads()).isGreaterThan(before);
        String health = Http.getText(plain.uri("/observe/health")).body();
        assertThat(health).contains("\"connectionsClosedForSlowHeads\":").contains("\"connectionGate\":true");
    }

    private static void assertWithinHeadTimeout(Duration closed) {
        assertThat(closed).as("closed after").isBetween(HEAD.minus(Duration.ofMillis(100)), HEAD.plus(LATE));
    }
}

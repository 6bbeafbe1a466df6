package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken client sends gets a correct status or a clean close, and the viewer who behaves keeps
 * its stream the whole time.
 */
class HostileInputTest {

    private static final int FPS = 20;
    private static RunningServer server;
    private Thread watcher;
    private final List<Long> frames = new ArrayList<>();
    private final AtomicReference<Throwable> watcherFailure = new AtomicReference<>();
    private volatile boolean watching = true;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                  protocols:
                    http_1_1:
                      max-prologue-length: 4096
                      max-headers-size: 16384
                """, """
                camstream:
                  header-read-timeout: 2s
                  # 64 clients of one address dropping streams hold more than the default cap of 128 connections
                  # until each stream's next frame finds its client gone; ConnectionCapsTest tests the cap
                  max-connections-per-client: 2000
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: %d
                """.formatted(FPS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void startWatching() throws Exception {
        watcher = Thread.ofVirtual().start(() -> {
            try (InputStream body = Http.stream(server.uri("/video_feed")).body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                while (watching) {
                    reader.next();
                    synchronized (frames) {
                        frames.add(System.nanoTime());
                    }
                }
            } catch (Exception e) {
                watcherFailure.set(e);
            }
        });
        while (frameCount() < 3) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void normalViewerKeptStreaming() throws Exception {
        watching = false;
        watcher.join();
        assertThat(watcherFailure.get()).as("the normal viewer's stream").isNull();
        long longestGap = 0;
        for (int i = 1; i < frames.size(); i++) {
            longestGap = Math.max(longestGap, frames.get(i) - frames.get(i - 1));
        }
        assertThat(longestGap / 1_000_000).as("ms of the longest wait for a frame of the normal viewer")
                .isLessThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing-here", "/cameras/nope/stream", "/cameras/desk/nope", "/../../etc/passwd",
            "/cameras/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/cameras/%2e%2e%2f%2e%2e%2fetc%2fpasswd/stream",
            "/cameras/desk/..%2f..%2f..%2fetc%2fpasswd", "/video_feed/..%2f..%2fetc%2fpasswd", "/%00", "/cameras/%ff/stream"})
    void unknownAndTraversingPathsAreRefused(String path) throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.port(),
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000);
        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        assertThat(answer.text()).doesNotContain("root:");
    }

    @Test
    void oversizedHeadersAndUrisAreRefused() throws Exception {
        RawRequests.Answer headers = RawRequests.exchange(server.port(), "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(64 * 1024) + "\r\n\r\n", 100_000);
        assertThat(headers.status()).as(headers.text()).isEqualTo(400);
        RawRequests.Answer uri = RawRequests.exchange(server.port(), "GET /" + "a".repeat(64 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 100_000);
        // Helidon closes the connection on a request line over max-prologue-length, without an answer.
        assertThat(uri.status()).as(uri.text()).isZero();
        assertThat(uri.text()).isEmpty();
    }

    @Test
    void slowlorisTricklingHeadersIsClosedByTheHeaderReadTimeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(500);
            var out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - start < 20_000_000_000L) {
                try {
                    out.write('X'); // a header name that never ends, a byte a second
                    out.flush();
                    closed = socket.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    Thread.sleep(500);
                } catch (java.io.IOException e) {
                    closed = true;
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertThat(closed).as("closed within 20 s").isTrue();
            assertThat(seconds).as("seconds until closed, with header-read-timeout 2s").isLessThanOrEqualTo(4);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "?fps=abc    | 'abc' is not a number:",
            "?fps=-1     | fps=-1 is out of range:",
            "?fps=1e9    | fps=1e9 is out of range:",
            "?action=%%% | \"\""})
    void invalidQueryValuesAreABadRequestWithTheReason(String query, String problem) throws Exception {
        String reason = problem.isEmpty() ? "" : problem + " fps must be a number above 0 and at most 20, the camera's"
                + " frame rate";
        RawRequests.Answer answer = RawRequests.exchange(server.port(),
                "GET /video_feed" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 20_000);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.text().substring(answer.text().indexOf("\r\n\r\n") + 4).strip()).isEqualTo(reason);
    }

    @Test
    void anUnknownQueryParameterIsIgnored() throws Exception {
        try (InputStream body = Http.stream(server.uri("/video_feed?x=1&")).body()) {
            assertThat(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()).startsWith(0xFF, 0xD8)
                    .endsWith(0xFF, 0xD9);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BREW", "DELETE", "PUT", "TRACE", "CONNECT"})
    void unknownMethodsAreRefused(String method) throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.port(),
                method + " /video_feed HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000);
        // Routes answer GET (and HEAD) only; any other method finds no route.
        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
    }

    @Test
    void controlCharacterInTheMethodIsABadRequestWithAReasonAndLogsNothing() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            RawRequests.Answer answer = RawRequests.exchange(server.port(),
                    "G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n", 10_000);
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.text()).contains("the request method contains a character HTTP does not allow");
            assertThat(logs.messages(Level.WARNING)).isEmpty();
        }
        RawRequests.Answer fine = RawRequests.exchange(server.port(),
                "GET /cameras/desk/snapshot HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 1_000_000);
        assertThat(fine.status()).as(fine.text()).isEqualTo(200);
    }

    @Test
    void headOnAStreamAnswersHeadersWithoutABody() throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.port(),
                "HEAD /video_feed HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).contains(MjpegFormat.BOUNDARY).endsWith("\r\n\r\n");
    }

    @Test
    void http10ClientGetsAStreamWithoutChunkedFraming() throws Exception {
        try (Socket socket = Sockets.connect(server.port(), "127.0.0.1")) {
            socket.setSoTimeout(10_000);
            Sockets.send(socket, "GET /video_feed HTTP/1.0\r\n\r\n");
            String start = new String(socket.getInputStream().readNBytes(2_000), StandardCharsets.ISO_8859_1);
            assertThat(start).startsWith("HTTP/1.0 200 OK\r\n").doesNotContainIgnoringCase("transfer-encoding")
                    .contains("\r\n\r\n--" + MjpegFormat.BOUNDARY + "\r\nContent-Type: image/jpeg\r\n");
        }
    }

    @Test
    void http10HeaderWithALoneLineFeedIsABadRequestAsOverHttp11() throws Exception {
        for (String version : new String[] {"HTTP/1.0", "HTTP/1.1"}) {
            RawRequests.Answer answer = RawRequests.exchange(server.port(),
                    "GET /cameras/desk/snapshot " + version + "\r\nHost: x\r\nX-A: a\nConnection: keep-alive\r\n\r\n",
                    100_000);
            assertThat(answer.status()).as("%s: %s", version, answer.text()).isEqualTo(400);
        }
    }

    @Test
    void tenThousandConnectionsDroppedAtRandomPointsLeaveTheServerStreaming() throws Exception {
        int connections = 10_000;
        int parallel = 64;
        List<Thread> clients = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int c = 0; c < parallel; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                try {
                    while (next.getAndIncrement() < connections) {
                        connectAndDrop(server.port());
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(failure.get()).isNull();
        RawRequests.Answer page = RawRequests.exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                100_000);
        assertThat(page.status()).isEqualTo(200);
    }

    private static void connectAndDrop(int port) throws Exception {
        String request = "GET /video_feed HTTP/1.1\r\nHost: localhost\r\n\r\n";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoLinger(true, 0);
            int sent = random.nextInt(4) == 0 ? random.nextInt(request.length()) : request.length();
            socket.getOutputStream().write(request.substring(0, sent).getBytes(StandardCharsets.US_ASCII));
            if (sent == request.length()) {
                socket.getInputStream().readNBytes(random.nextInt(0, 30_000));
            }
        }
    }

    private int frameCount() {
        synchronized (frames) {
            return frames.size();
        }
    }
}

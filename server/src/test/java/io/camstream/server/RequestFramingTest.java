package io.camstream.server;

import io.camstream.server.net.ConnectionFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where one request ends and the next begins, on HTTP/1.0 as on HTTP/1.1: a response with {@code Connection: close}
 * ends the connection, a body sent after {@code Expect: 100-continue} is never read as a request, a broken later
 * request gets {@code 400} with the reason, and HTTP/1.0 heads have HTTP/1.1's limits.
 */
class RequestFramingTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                  protocols:
                    http_1_1:
                      max-prologue-length: 4096
                      max-headers-size: 16384
                """, """
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1"})
    void aResponseWithConnectionCloseEndsTheConnectionAndAPipelinedRequestIsNotServed(String version)
            throws Exception {
        try (Socket socket = Sockets.connect(server.port(), "127.0.0.1")) {
            socket.setSoTimeout((int) LIMIT.toMillis());
            long start = System.nanoTime();
            Sockets.send(socket, "GET /api/cameras " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n"
                    + "GET /cameras/desk/snapshot " + version + "\r\nHost: x\r\n\r\n");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("until the server closed").isLessThan(LIMIT);
            assertThat(answer).as("one answer").startsWith(version + " 200 OK").containsOnlyOnce("HTTP/1.")
                    .containsIgnoringCase("connection: close").doesNotContain("image/jpeg");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1"})
    void aBodySentAfterExpect100ContinueIsNeverTakenForTheNextRequest(String version) throws Exception {
        String hidden = "GET /cameras/desk/snapshot HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket socket = Sockets.connect(server.port(), "127.0.0.1")) {
            socket.setSoTimeout((int) LIMIT.toMillis());
            Sockets.send(socket, "POST /api/cameras " + version + "\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + hidden.length() + "\r\n\r\n" + hidden);
            long start = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("until the server closed").isLessThan(LIMIT);
            assertThat(answer).as("one answer, to the POST").startsWith(version + " 40")
                    .containsOnlyOnce("HTTP/1.").doesNotContain("image/jpeg");
        }
    }

    @Test
    void aBadMethodOnALaterRequestIsA400WithTheReasonAndNoWarning() throws Exception {
        try (LogCapture logs = new LogCapture(); Socket socket = Sockets.connect(server.port(), "127.0.0.1")) {
            socket.setSoTimeout((int) LIMIT.toMillis());
            Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\nG\u0001T / HTTP/1.1\r\nHost: x\r\n\r\n");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("HTTP/1.1 400 Bad Request")
                    .endsWith("the request method contains a character HTTP does not allow\n")
                    .doesNotContain(" 500 ");
            assertThat(logs.messages(Level.WARNING)).isEmpty();
            assertThat(String.join("", logs.messages(Level.INFO))).doesNotContain("\tat ");
        }
    }

    @Test
    void headersCutOffByTheClientAreCountedWithoutAStackTrace() throws Exception {
        RunningServer own = RunningServer.simCamera("desk", 160, 120, 5);
        try (LogCapture logs = new LogCapture()) {
            try {
                for (int i = 0; i < 50; i++) {
                    try (Socket socket = Sockets.connect(own.port(), "127.0.0.1")) {
                        Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\nX-Cut: ab");
                    }
                }
                // accepted first: between two accepts none may be open while the last ones still wait in the backlog
                Await.until("the server read every cut-off request", Duration.ofSeconds(10), () -> {
                    ConnectionFigures figures = own.server().connections().figures();
                    return figures.accepted() == 50 && figures.open() == 0;
                });
            } finally {
                own.close();
            }
            assertThat(logs.messages(Level.WARNING)).isEmpty();
            assertThat(logs.messages(Level.INFO)).filteredOn(line -> line.contains("aborted in"))
                    .as("the first at once, the others summed up when the server stopped").hasSize(2)
                    .anySatisfy(line -> assertThat(line).contains("A request aborted in its headers, from 127.0.0.1"))
                    .anySatisfy(line -> assertThat(line).contains("49 requests aborted in their headers in the last "
                            + "minute, from 127.0.0.1 (49)"));
        }
    }

    @Test
    void anHttp10RequestLineLongerThanTheLimitIsRefusedLikeAnHttp11One() throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.port(), "GET /" + "a".repeat(5_000)
                + " HTTP/1.0\r\n\r\n", 100_000);
        assertThat(answer.text()).doesNotContain("200 OK");
        assertThat(answer.status()).isIn(0, 400, 414);
    }

    @Test
    void aHugeHttp10HeaderLineIsRefusedAtTheLimitWithoutGrowingTheHeap() throws Exception {
        long before = heapAfterGc();
        long sent = 0;
        String answer;
        try (Socket socket = Sockets.connect(server.port(), "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /video_feed HTTP/1.0\r\nX-Huge: ".getBytes(StandardCharsets.US_ASCII));
            byte[] block = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                while (sent < 200L * 1024 * 1024) {
                    out.write(block);
                    sent += block.length;
                }
            } catch (IOException e) {
                // the server refused and closed
            }
            socket.setSoTimeout(5_000);
            answer = new String(socket.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            answer = "";
        }
        assertThat(sent).as("bytes the server let in before it closed").isLessThan(50L * 1024 * 1024);
        assertThat(answer).doesNotContain("200 OK");
        assertThat(heapAfterGc() - before).as("heap grown").isLessThan(16L * 1024 * 1024);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

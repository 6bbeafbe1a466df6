package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from outside reaches logs, answers and the API with its control characters escaped: an upstream camera's
 * header with terminal escapes and a forged log line in it, and a request path with the same.
 */
class OutsideTextTest {

    private static final String HOSTILE = "\u001b[2J\u001b[31mhtml\r\n2026-12-01 INFO forged";

    @Test
    void anUpstreamsHostileHeaderIsEscapedInTheLogAndTheApi() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             LogCapture logs = new LogCapture()) {
            Thread.ofVirtual().start(() -> answerEveryone(upstream));
            try (RunningServer server = RunningServer.start("""
                    camstream:
                      cameras:
                        - name: relay
                          driver: http
                          url: http://127.0.0.1:%d/video.mjpg
                    """.formatted(upstream.getLocalPort()))) {
                Http.get(server.uri("/cameras/relay/snapshot"));
                String[] api = new String[1];
                Await.until("the upstream's failure in the API", Duration.ofSeconds(20), () -> {
                    api[0] = apiOf(server);
                    // the JDK's HTTP client refuses the header, quoting it in its message
                    return api[0].contains("Content-Type: text/");
                });
                assertThat(api[0]).contains("text/\\\\x1b[2J\\\\x1b[31mhtml").doesNotContain("\\u001b");
            }
            String log = String.join("", logs.messages(Level.INFO));
            assertThat(log).contains("text/\\x1b[2J\\x1b[31mhtml").doesNotContain("\u001b")
                    .doesNotContain("\n2026-12-01 INFO forged");
        }
    }

    @Test
    void aRequestPathWithControlCharactersIsEscapedInTheAnswer() throws Exception {
        try (RunningServer server = RunningServer.simCamera("desk", 160, 120, 5)) {
            RawRequests.Answer answer = RawRequests.exchange(server.port(), "GET /cameras/%1b%5b2J%0d%0aforged/stream"
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10_000);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.text()).contains("Unknown camera '\\x1b[2J\\r\\nforged'").doesNotContain("\u001b");
        }
    }

    private static String apiOf(RunningServer server) {
        try {
            return Http.getText(server.uri("/api/cameras/relay")).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers every connection with a page whose Content-Type carries terminal escapes and a line break. */
    private static void answerEveryone(ServerSocket upstream) {
        while (!upstream.isClosed()) {
            try (Socket client = upstream.accept()) {
                client.getInputStream().read(new byte[4096]);
                client.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: text/" + HOSTILE.replace("\r\n", "")
                        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return;
            }
        }
    }
}

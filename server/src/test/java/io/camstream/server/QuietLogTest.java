package io.camstream.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of aborted, malformed and hostile requests of every kind leave a few short lines in the log, one per
 * kind, and a count of each when the server stops: never a stack trace.
 */
class QuietLogTest {

    private static final int EACH = 200;

    @TempDir
    Path dir;

    /** One way to misbehave: what a client sends before it goes away. */
    private record Attack(String name, boolean tls, AttackStep step) {
    }

    @FunctionalInterface
    private interface AttackStep {
        void run(int port) throws IOException;
    }

    @Test
    void thousandsOfBrokenRequestsLeaveOneShortLinePerKindAndNoStackTrace() throws Exception {
        TestCertificate tls = TestCertificate.in(dir);
        String camstream = """
                camstream:
                  header-read-timeout: 300ms
                  max-connections-per-client: 1000
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                """;
        List<Attack> attacks = List.of(
                new Attack("headers cut off", false, port -> sendAndClose(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Cu")),
                new Attack("one byte", false, port -> sendAndClose(port, "G")),
                new Attack("h2c preface cut off", false, port -> sendAndClose(port, "PRI * HTTP/2.0\r\n")),
                new Attack("bad method", false, port -> exchange(port, "G\u0001T / HTTP/1.1\r\nHost: x\r\n\r\n")),
                new Attack("bad later method", false, port -> exchange(port,
                        "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\nP\u007fST / HTTP/1.1\r\nHost: x\r\n\r\n")),
                new Attack("bad header", false, port -> exchange(port,
                        "GET / HTTP/1.1\r\nHost: x\r\nX\u0001: y\r\n\r\n")),
                new Attack("reset in the headers", false, QuietLogTest::resetInTheHeaders),
                new Attack("HTTP/1.0 cut off", false, port -> sendAndClose(port, "GET / HTTP/1.0\r\nUser-Agent: x")),
                new Attack("silent", false, QuietLogTest::silentUntilClosed),
                new Attack("TLS garbage", true, port -> sendAndClose(port, "GET / HTTP/1.1\r\n\r\n")),
                new Attack("TLS hello cut off", true, port -> sendAndClose(port,
                        "\u0016\u0003\u0001\u0000\u00ff\u0001")));
        List<String> during;
        List<String> all;
        try (LogCapture logs = new LogCapture()) {
            try (RunningServer plain = RunningServer.start("", camstream);
                 RunningServer encrypted = RunningServer.start(tls.serverYaml(), camstream)) {
                int before = logs.messages(Level.INFO).size();
                run(attacks, plain.port(), encrypted.port());
                Await.until("every attack's connection is gone", Duration.ofSeconds(20),
                        () -> plain.server().connections().figures().open() == 0
                                && encrypted.server().connections().figures().open() == 0);
                during = logs.messages(Level.INFO).subList(before, logs.messages(Level.INFO).size());
            }
            all = logs.messages(Level.INFO);
        }
        String text = String.join("", during);
        assertThat(text).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(during).as("lines for %d broken requests of %d kinds", EACH * attacks.size(), attacks.size())
                .hasSizeLessThanOrEqualTo(attacks.size());
        assertThat(text.length()).as("characters logged").isLessThan(3_000);
        assertThat(all).as("the counts, summed up when the servers stopped")
                .anyMatch(line -> line.matches("(?s).* (1\\d\\d|[2-4]\\d\\d) requests aborted in their headers in the "
                        + "last minute, from 127\\.0\\.0\\.1 .*"))
                .anyMatch(line -> line.contains(" requests with a method HTTP does not allow (answered 400) in the "
                        + "last minute"))
                .anyMatch(line -> line.contains(" connections closed for sending no complete request head within "
                        + "header-read-timeout in the last minute"));
    }

    private static void run(List<Attack> attacks, int plainPort, int tlsPort) throws InterruptedException {
        Clients.run(16, EACH * attacks.size(), i -> {
            Attack attack = attacks.get(i % attacks.size());
            attack.step().run(attack.tls() ? tlsPort : plainPort);
        });
    }

    private static void sendAndClose(int port, String bytes) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            Sockets.send(socket, bytes);
        }
    }

    private static void exchange(int port, String bytes) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            socket.setSoTimeout(10_000);
            Sockets.send(socket, bytes);
            socket.getInputStream().readAllBytes();
        }
    }

    private static void resetInTheHeaders(int port) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            socket.setSoLinger(true, 0);
            Sockets.send(socket, "GET /video_feed HTTP/1.1\r\nHost: x\r\nAccept: ima");
        }
    }

    private static void silentUntilClosed(int port) throws IOException {
        try (Socket socket = Sockets.connect(port, "127.0.0.1")) {
            Sockets.closedAfter(socket, System.nanoTime(), Duration.ofSeconds(10));
        }
    }
}

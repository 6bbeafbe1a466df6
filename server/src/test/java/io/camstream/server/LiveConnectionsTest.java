package io.camstream.server;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection gate's caps and times changed in the configuration file while the server runs: new connections are
 * held to the new ones at once, open streams go on, and nothing asks for a restart.
 */
class LiveConnectionsTest {

    private static final Duration APPLIED = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aRaisedPerClientCapAndAShorterKeepAliveHoldNewConnectionsWhileStreamsGoOn() throws Exception {
        List<Socket> streams = new ArrayList<>();
        try (RunningServer server = RunningServer.fromFile(write(2, "60s"))) {
            for (int i = 0; i < 2; i++) {
                streams.add(stream(server));
            }
            assertThat(refused(server)).as("a third connection, over the cap of 2 with both busy").isTrue();

            String before = server.healthCheck("config").getJsonObject("data").getString("inForceSince");
            write(3, "500ms");
            Await.until("the change in force", APPLIED, () -> !server.healthCheck("config").getJsonObject("data")
                    .getString("inForceSince").equals(before));
            JsonObject gate = server.healthCheck("server").getJsonObject("data");
            assertThat(gate.getInt("maxConnectionsPerClient")).isEqualTo(3);
            assertThat(server.json("/api/config").getJsonArray("restart-needed")).isEmpty();

            try (Socket third = Sockets.connect(server.port(), "127.0.0.7")) {
                Sockets.send(third, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(RawRequests.answer(third.getInputStream(), 1_000_000).status())
                        .as("a third connection under the raised cap").isEqualTo(200);
                long answered = System.nanoTime();
                assertThat(Sockets.closedAfter(third, answered, Duration.ofSeconds(10)))
                        .as("idle after its answer, with keep-alive-timeout 500ms (60s before)")
                        .isLessThan(Duration.ofSeconds(3));
            }
            for (Socket stream : streams) {
                assertThat(partsWithin(stream, Duration.ofSeconds(1))).as("frames of a 10 fps stream opened before"
                        + " the change, in a second after it").isGreaterThanOrEqualTo(5);
            }
        } finally {
            for (Socket stream : streams) {
                stream.close();
            }
        }
    }

    /** A stream from 127.0.0.7, with its answer's head read. */
    private static Socket stream(RunningServer server) throws Exception {
        Socket socket = Sockets.connect(server.port(), "127.0.0.7");
        Sockets.send(socket, "GET /video_feed HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(RawRequests.answer(socket.getInputStream(), 200).text()).startsWith("HTTP/1.1 200");
        return socket;
    }

    /** How many parts come in the time, after what had come already. */
    private static int partsWithin(Socket stream, Duration time) throws Exception {
        InputStream in = stream.getInputStream();
        in.skipNBytes(in.available());
        StringBuilder text = new StringBuilder();
        long deadline = System.nanoTime() + time.toNanos();
        byte[] buffer = new byte[8192];
        for (long left = time.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            stream.setSoTimeout((int) left);
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        return text.toString().split("Content-Type: image/jpeg", -1).length - 1;
    }

    /** Whether a new connection from 127.0.0.7 is closed at once without an answer. */
    private static boolean refused(RunningServer server) throws Exception {
        try (Socket socket = Sockets.connect(server.port(), "127.0.0.7")) {
            socket.setSoTimeout(5_000);
            Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\n\r\n");
            long start = System.nanoTime();
            return socket.getInputStream().read() < 0
                    && Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    private Path write(int perClient, String keepAlive) throws Exception {
        return Files.writeString(dir.resolve("application.yaml"), """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  header-read-timeout: 60s
                  max-connections-per-client: %d
                  keep-alive-timeout: %s
                  cameras:
                    - name: desk
                      driver: counting
                """.formatted(perClient, keepAlive));
    }
}

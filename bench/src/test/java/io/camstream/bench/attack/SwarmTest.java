package io.camstream.bench.attack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The swarm against a server of the test's that closes every connection 300 ms after accepting it. */
class SwarmTest {

    private static final long CLOSE_AFTER_MILLIS = 300;

    @Test
    void aKeptSwarmReplacesTheConnectionsTheServerClosesAndNotesHowLongEachLived() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (ServerSocket server = closingServer(received)) {
            Swarm swarm = Swarm.kept((InetSocketAddress) server.getLocalSocketAddress(),
                    List.of(InetAddress.getLoopbackAddress()), 5, new Swarm.Script(
                            "GET ".getBytes(StandardCharsets.US_ASCII), "ab".getBytes(StandardCharsets.US_ASCII),
                            Duration.ofMillis(50)));
            Thread.sleep(1_000);
            Swarm.Outcome outcome = swarm.finish();

            assertThat(outcome.lives().size()).as("connections closed by the server in 1 s").isBetween(10, 20);
            assertThat(outcome.opened()).isEqualTo(outcome.lives().size() + outcome.openAges().size());
            assertThat(outcome.longestMillis()).isBetween(CLOSE_AFTER_MILLIS - 50, CLOSE_AFTER_MILLIS + 500);
            // a byte every 50 ms for 300 ms, but for the last connections, closed by the swarm
            assertThat(received).allSatisfy(text -> assertThat(text).startsWith("GET "))
                    .anySatisfy(text -> assertThat(text).startsWith("GET ababa"));
        }
    }

    @Test
    void aSwarmOpenedOnceDoesNotReplaceThem() throws Exception {
        try (ServerSocket server = closingServer(new CopyOnWriteArrayList<>())) {
            Swarm swarm = Swarm.once((InetSocketAddress) server.getLocalSocketAddress(),
                    List.of(InetAddress.getLoopbackAddress()), 5, Swarm.Script.silent());
            Thread.sleep(1_000);
            Swarm.Outcome outcome = swarm.finish();

            assertThat(outcome.opened()).isEqualTo(5);
            assertThat(outcome.lives().size()).isEqualTo(5);
            assertThat(outcome.openAges().size()).isZero();
        }
    }

    /** Accepts, reads for 300 ms what each connection sends, keeps it, and closes. */
    private static ServerSocket closingServer(List<String> received) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> readThenClose(socket, received));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    private static void readThenClose(Socket socket, List<String> received) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (socket) {
            InputStream in = socket.getInputStream();
            long end = System.currentTimeMillis() + CLOSE_AFTER_MILLIS;
            for (long left = end - System.currentTimeMillis(); left > 0; left = end - System.currentTimeMillis()) {
                socket.setSoTimeout((int) left);
                int b = in.read();
                if (b < 0) {
                    break;
                }
                bytes.write(b);
            }
        } catch (SocketTimeoutException e) {
            // the 300 ms are up: close now
        } catch (IOException e) {
            return;
        }
        received.add(bytes.toString(StandardCharsets.US_ASCII));
    }
}

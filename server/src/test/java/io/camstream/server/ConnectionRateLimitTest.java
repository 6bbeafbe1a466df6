package io.camstream.server;

import io.camstream.server.net.ConnectionFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connection-rate-per-client}: a client opening connections in a loop gets its allowance (two seconds' worth
 * at once, then the rate) and the rest are closed the moment they are accepted; another address, and a trusted
 * proxy, are not held to it.
 */
class ConnectionRateLimitTest {

    private static final int RATE = 5;
    private static final int BURST = 2 * RATE;
    private static final int LOOP = 40;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  header-read-timeout: 60s
                  connection-rate-per-client: %d
                  auth:
                    trusted-proxies: [127.0.0.9]
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: 10
                """.formatted(RATE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLoopOfConnectionsGetsItsAllowanceAndTheRestAreClosedAtOnceWhileAnotherAddressConnects() throws Exception {
        List<Socket> loop = new ArrayList<>();
        try {
            ConnectionFigures before = server.server().connections().figures();
            long first = System.nanoTime();
            for (int i = 0; i < LOOP; i++) {
                loop.add(Sockets.connect(server.port(), "127.0.0.1"));
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            Await.until("every connection of the loop through the gate", Duration.ofSeconds(10), () -> {
                ConnectionFigures now = server.server().connections().figures();
                return now.accepted() + now.refused() - before.accepted() - before.refused() == LOOP;
            });
            int open = countOpen(loop);
            assertThat(open).as("connections kept, the loop taking %.2f s", seconds)
                    .isBetween(BURST, BURST + (int) Math.ceil(seconds * RATE));
            ConnectionFigures after = server.server().connections().figures();
            assertThat(after.refused() - before.refused()).isEqualTo(LOOP - open);
            assertThat(after.evicted()).as("no idle connection closed for a refused one").isEqualTo(before.evicted());

            try (Socket other = Sockets.connect(server.port(), "127.0.0.2")) {
                assertThat(get(other)).as("another address").isEqualTo(200);
            }
            Thread.sleep(Duration.ofSeconds(1).dividedBy(RATE).multipliedBy(2));
            try (Socket again = Sockets.connect(server.port(), "127.0.0.1")) {
                assertThat(get(again)).as("the looping address, two intervals later").isEqualTo(200);
            }
        } finally {
            for (Socket socket : loop) {
                socket.close();
            }
        }
    }

    @Test
    void aTrustedProxyIsNotHeldToTheRate() throws Exception {
        List<Socket> proxied = new ArrayList<>();
        try {
            long refusedBefore = server.server().connections().figures().refused();
            for (int i = 0; i < LOOP; i++) {
                proxied.add(Sockets.connect(server.port(), "127.0.0.9"));
            }
            Await.until("the proxy's connections through the gate", Duration.ofSeconds(10),
                    () -> server.server().connections().figures().open() >= LOOP);
            assertThat(countOpen(proxied)).isEqualTo(LOOP);
            assertThat(server.server().connections().figures().refused()).isEqualTo(refusedBefore);
        } finally {
            for (Socket socket : proxied) {
                socket.close();
            }
        }
    }

    /** The sockets the server keeps open: a closed one reads its end at once, an open one times out. */
    private static int countOpen(List<Socket> sockets) throws IOException {
        int open = 0;
        for (Socket socket : sockets) {
            socket.setSoTimeout(50);
            try {
                if (socket.getInputStream().read() >= 0) {
                    throw new AssertionError("the server sent bytes before any request");
                }
            } catch (SocketTimeoutException e) {
                open++;
            } catch (SocketException e) {
                // reset: closed
            }
        }
        return open;
    }

    private static int get(Socket socket) throws IOException {
        Sockets.send(socket, "GET /api/cameras HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return RawRequests.answer(socket.getInputStream(), 1_000_000).status();
    }
}

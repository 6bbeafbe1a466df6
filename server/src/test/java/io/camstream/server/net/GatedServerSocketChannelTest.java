package io.camstream.server.net;

import io.camstream.core.time.Deadlines;
import io.camstream.server.auth.TrustedProxies;
import io.camstream.server.log.IncidentLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener's server socket outlasts accept failures (as "Too many open files" makes them), and a listener that
 * closes while the server is not stopping is reported lost. The JDK's channel is wrapped to fail on demand.
 */
class GatedServerSocketChannelTest {

    private final Deadlines deadlines = Deadlines.start("gate-test", Duration.ofMillis(20));
    private final IncidentLog incidents = new IncidentLog(deadlines, Duration.ofMinutes(1));
    private final ConnectionGate gate = new ConnectionGate(new ConnectionSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(10), 100, 100, 0, new TrustedProxies(List.of())), deadlines, incidents);

    @AfterEach
    void close() {
        gate.close();
        incidents.close();
        deadlines.close();
    }

    @Test
    void acceptFailuresArePausedThroughAndTheNextConnectionIsAccepted() throws Exception {
        try (Failing jdk = new Failing(3); ServerSocketChannel listener =
                new GatedServerSocketChannel(SelectorProvider.provider(), jdk, gate)) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0), 16);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Socket client = new Socket("127.0.0.1", port); SocketChannel channel = accepted.get()) {
                assertThat(channel.getRemoteAddress()).isEqualTo(client.getLocalSocketAddress());
            }
            ConnectionFigures figures = gate.figures();
            assertThat(figures.acceptFailures()).isEqualTo(3);
            assertThat(figures.lastAcceptFailure()).hasValue("Too many open files");
            assertThat(figures.accepted()).isEqualTo(1);
            assertThat(figures.listenerLost()).isEmpty();
        }
    }

    @Test
    void aListenerClosedWhileTheServerRunsIsReportedLostAndOneClosedWhileItStopsIsNot() throws Exception {
        AtomicInteger lost = new AtomicInteger();
        gate.onListenerLost(reason -> lost.incrementAndGet());
        ServerSocketChannel listener = new GatedServerSocketChannel(SelectorProvider.provider(), new Failing(0), gate);
        listener.bind(new InetSocketAddress("127.0.0.1", 0), 16);
        listener.close();
        assertThat(lost).hasValue(1);
        assertThat(gate.figures().listenerLost()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the listener on /127.0.0.1:").endsWith(" stopped accepting connections"));

        gate.stopping();
        ServerSocketChannel stopped = new GatedServerSocketChannel(SelectorProvider.provider(), new Failing(0), gate);
        stopped.bind(new InetSocketAddress("127.0.0.1", 0), 16);
        stopped.close();
        assertThat(lost).as("no new report while stopping").hasValue(1);
    }

    /** The JDK's server socket, whose first accepts fail as they do when the process is out of descriptors. */
    private static final class Failing extends DelegatingServerSocketChannel {

        private final AtomicInteger failures;

        Failing(int failures) throws IOException {
            super(SelectorProvider.provider(), ServerSocketChannel.open());
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public SocketChannel accept() throws IOException {
            if (failures.getAndDecrement() > 0) {
                throw new IOException("Too many open files");
            }
            return super.accept();
        }
    }
}

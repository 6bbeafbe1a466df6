package io.camstream.server.net;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;

/**
 * A listener's server socket whose accepted connections pass the {@link ConnectionGate} before Helidon sees them,
 * and whose accept never gives up on a shortage. Helidon 4.5 ends its accept loop for good on any error from
 * {@code accept()}, so "Too many open files" or an out-of-memory error would leave a process that runs and serves
 * nothing. Here such a failure has the gate close idle connections, then accept waits (50 ms, doubling to 1 s, as
 * nginx pauses accepting) and tries again, for as long as it takes. Only closing the channel ends it; if that happens
 * while the server is not being stopped, the gate reports the listener lost.
 * <p>
 * Blocking mode only, as Helidon uses it; it cannot be registered with a selector.
 */
final class GatedServerSocketChannel extends DelegatingServerSocketChannel {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final ConnectionGate gate;
    private volatile SocketAddress bound;

    GatedServerSocketChannel(SelectorProvider provider, ServerSocketChannel jdk, ConnectionGate gate) {
        super(provider, jdk);
        this.gate = gate;
    }

    @Override
    public SocketChannel accept() throws IOException {
        Duration pause = FIRST_PAUSE;
        while (true) {
            SocketChannel channel;
            try {
                channel = super.accept();
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException | OutOfMemoryError e) {
                gate.acceptFailed(e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                continue;
            }
            pause = FIRST_PAUSE;
            if (channel == null || gate.admit(channel)) {
                return channel;
            }
        }
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        super.bind(local, backlog);
        bound = getLocalAddress();
        return this;
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        super.implCloseSelectableChannel();
        if (bound != null) {
            gate.listenerClosed(bound);
        }
    }

    private void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new ClosedByInterruptException();
        }
    }
}

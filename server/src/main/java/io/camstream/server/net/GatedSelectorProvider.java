package io.camstream.server.net;

import io.helidon.common.context.Contexts;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * The JDK's own selector provider, except that the server sockets camstream's web server opens hand their accepted
 * connections to its {@link ConnectionGate} first. Helidon 4.5 accepts with {@code ServerSocketChannel.open()} and
 * offers no hook before a connection's TLS handshake or first byte; a selector provider is where every channel of
 * the JVM is made, so this is the one place a connection can be seen from the moment it is accepted.
 * <p>
 * Installed by the launcher and the test JVMs with
 * {@code -Djava.nio.channels.spi.SelectorProvider=io.camstream.server.net.GatedSelectorProvider
 * --add-exports=java.base/sun.nio.ch=ALL-UNNAMED} (the export lets it reach the JDK's provider). Only a server
 * socket opened while a web server carrying a gate in its context starts is wrapped; every other channel of the
 * JVM (the http driver's connections, any other server socket, pipes, selectors) is the JDK's own, untouched.
 */
public final class GatedSelectorProvider extends SelectorProvider {

    private final SelectorProvider jdk;

    /** Called by the JDK when {@code java.nio.channels.spi.SelectorProvider} names this class. */
    public GatedSelectorProvider() {
        this.jdk = jdkProvider();
    }

    static boolean installed() {
        return SelectorProvider.provider() instanceof GatedSelectorProvider;
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        return gated(jdk.openServerSocketChannel());
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        ServerSocketChannel channel = jdk.openServerSocketChannel(family);
        return family == StandardProtocolFamily.UNIX ? channel : gated(channel);
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        return jdk.openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        return jdk.openDatagramChannel(family);
    }

    @Override
    public Pipe openPipe() throws IOException {
        return jdk.openPipe();
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        return jdk.openSelector();
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        return jdk.openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        return jdk.openSocketChannel(family);
    }

    @Override
    public Channel inheritedChannel() throws IOException {
        return jdk.inheritedChannel();
    }

    /** The channel wrapped when a web server with a gate in its context is opening it, else as it is. */
    private ServerSocketChannel gated(ServerSocketChannel channel) {
        return Contexts.context()
                .flatMap(context -> context.get(ConnectionGate.class))
                .<ServerSocketChannel>map(gate -> new GatedServerSocketChannel(this, channel, gate))
                .orElse(channel);
    }

    /** The provider the JDK would have used; {@code sun.nio.ch} must be exported to reach it. */
    private static SelectorProvider jdkProvider() {
        try {
            return (SelectorProvider) Class.forName("sun.nio.ch.DefaultSelectorProvider").getMethod("get")
                    .invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("camstream's connection gate needs the JVM option "
                    + "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED beside -Djava.nio.channels.spi.SelectorProvider="
                    + GatedSelectorProvider.class.getName() + " (bin/camstream sets both)", e);
        }
    }
}

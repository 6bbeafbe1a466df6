package io.camstream.server.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/** A server socket channel that hands everything to the JDK's; subclasses change what they need. */
abstract class DelegatingServerSocketChannel extends ServerSocketChannel {

    private final ServerSocketChannel jdk;

    DelegatingServerSocketChannel(SelectorProvider provider, ServerSocketChannel jdk) {
        super(provider);
        this.jdk = jdk;
    }

    @Override
    public SocketChannel accept() throws IOException {
        return jdk.accept();
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        jdk.bind(local, backlog);
        return this;
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        jdk.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return jdk.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return jdk.supportedOptions();
    }

    @Override
    public ServerSocket socket() {
        return jdk.socket();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return jdk.getLocalAddress();
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        jdk.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        jdk.configureBlocking(block);
    }
}

package io.camstream.server.http10;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** A connection as Helidon's HTTP/1.1 code sees it: the client's HTTP/1.0 request and response translated. */
final class Http10Context implements ConnectionContext {

    private final ConnectionContext delegate;
    private final DataReader reader;
    private final DataWriter writer;

    Http10Context(ConnectionContext delegate) {
        this.delegate = delegate;
        this.reader = DataReader.create(new Http10Request(delegate.dataReader(), host(delegate.localPeer())));
        this.writer = new Http10Writer(delegate.dataWriter());
    }

    /** The listener's own address, for the {@code Host} header of a request that names none. */
    private static String host(PeerInfo local) {
        String host = local.host();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + local.port();
    }

    @Override
    public DataReader dataReader() {
        return reader;
    }

    @Override
    public DataWriter dataWriter() {
        return writer;
    }

    @Override
    public ListenerContext listenerContext() {
        return delegate.listenerContext();
    }

    @Override
    public ExecutorService executor() {
        return delegate.executor();
    }

    @Override
    public Router router() {
        return delegate.router();
    }

    @Override
    public Optional<ProxyProtocolData> proxyProtocolData() {
        return delegate.proxyProtocolData();
    }

    @Override
    public HelidonSocket serverSocket() {
        return delegate.serverSocket();
    }

    @Override
    public PeerInfo remotePeer() {
        return delegate.remotePeer();
    }

    @Override
    public PeerInfo localPeer() {
        return delegate.localPeer();
    }

    @Override
    public boolean isSecure() {
        return delegate.isSecure();
    }

    @Override
    public String socketId() {
        return delegate.socketId();
    }

    @Override
    public String childSocketId() {
        return delegate.childSocketId();
    }
}

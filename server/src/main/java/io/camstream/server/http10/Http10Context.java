package io.camstream.server.http10;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.HelidonSocket;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.ProxyProtocolData;
import io.helidon.webserver.Router;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** A connection as Helidon's HTTP/1.1 code sees it: the client's HTTP/1.0 request and response translated. */
final class Http10Context implements ConnectionContext {

    private final ConnectionContext delegate;
    private final DataReader reader;
    private final DataWriter writer;

    Http10Context(ConnectionContext delegate) {
        this.delegate = delegate;
        DataReader original = delegate.dataReader();
        byte[] head = translatedHead(original, delegate.localPeer());
        boolean[] headGiven = new boolean[1];
        this.reader = DataReader.create(() -> {
            if (!headGiven[0]) {
                headGiven[0] = true;
                return head;
            }
            original.ensureAvailable();
            return original.readBytes(original.available());
        });
        this.writer = new Http10Writer(delegate.dataWriter());
    }

    /**
     * The request line and headers as HTTP/1.1, asking to close the connection after the response.
     *
     * @throws CloseConnectionException when the client ends the connection inside its head, or breaks a line with a
     *                                  lone CR or LF: the connection is closed without a word, where anything else
     *                                  escaping here would be logged with a stack trace
     */
    static byte[] translatedHead(DataReader in, PeerInfo local) {
        try {
            return translate(in, local);
        } catch (DataReader.InsufficientDataAvailableException | DataReader.IncorrectNewLineException e) {
            throw new CloseConnectionException("HTTP/1.0 request head incomplete or with a lone CR or LF", e);
        }
    }

    private static byte[] translate(DataReader in, PeerInfo local) {
        String requestLine = line(in);
        StringBuilder head = new StringBuilder(requestLine.substring(0, requestLine.length() - "1.0".length()))
                .append("1.1\r\n");
        boolean host = false;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (name.equals("connection") || name.equals("keep-alive")) {
                continue;
            }
            host |= name.equals("host");
            head.append(line).append("\r\n");
        }
        if (!host) {
            head.append("Host: ").append(local.host()).append(':').append(local.port()).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** One line, every byte kept (DataReader.readLine would turn those above 127 into '?'). */
    private static String line(DataReader in) {
        String line = new String(in.readBytes(in.findNewLine(Integer.MAX_VALUE)), StandardCharsets.ISO_8859_1);
        in.skip(2);
        return line;
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

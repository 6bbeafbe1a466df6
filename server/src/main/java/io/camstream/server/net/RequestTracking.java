package io.camstream.server.net;

import io.helidon.common.Weighted;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Helidon's side of the {@link ConnectionGate}: an HTTP/1 listener that tells it when a request line and when a
 * whole request head were read, and a routing filter around every request, of every protocol, that tells it when a
 * request is served. The filter also ends an HTTP/1 connection after a response marked {@code Connection: close},
 * which Helidon 4.5 writes but then keeps reading requests, and marks so the response to a request that asked for
 * {@code 100 Continue} before a body, so that a body the handler did not read is never taken for the next request.
 * <p>
 * Per connection thread it also keeps what an HTTP/1 connection is reading now, for {@link BrokenRequestAnswer}:
 * Helidon fails a request it cannot parse with a generic error that does not say which part was broken.
 */
public final class RequestTracking implements Http1ConnectionListener, HttpFeature, Weighted {

    /** What an HTTP/1 connection's thread reads now. */
    enum Reading {
        /** A request line: the first of a connection, or the next after a response. */
        REQUEST_LINE,
        /** The headers after a request line. */
        HEADERS,
        /** The request was read; it is being served. */
        NOTHING
    }

    /** Before every other filter, so that it sees the requests they answer too. */
    private static final double WEIGHT = 10_000;

    private final ConnectionGate gate;
    private final ThreadLocal<Stage> stages = ThreadLocal.withInitial(Stage::new);

    /**
     * Creates the tracking.
     *
     * @param gate the gate to tell
     */
    public RequestTracking(ConnectionGate gate) {
        this.gate = gate;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        Stage stage = stages.get();
        stage.reading = Reading.HEADERS;
        stage.client = ctx.remotePeer().address() instanceof InetSocketAddress inet ? inet.getAddress() : null;
        gate.headStarted(key(ctx.remotePeer(), ctx.localPeer()));
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        stages.get().reading = Reading.NOTHING;
        gate.headRead(key(ctx.remotePeer(), ctx.localPeer()));
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this::filter);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    /** What the current thread's HTTP/1 connection is reading. */
    Reading reading() {
        return stages.get().reading;
    }

    /** The client of the current thread's HTTP/1 connection, once a request line of it was read. */
    String client() {
        InetAddress address = stages.get().client;
        return address == null ? "an unknown address" : ClientAddress.of(address).toString();
    }

    private void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        boolean http1 = req.prologue().protocolVersion().startsWith("1.");
        if (http1 && expectsContinueBeforeBody(req.headers())) {
            // RFC 9110, 10.1.1: the client may send the body without waiting for 100 Continue, and Helidon 4.5,
            // answering without having read it, would parse it as the next request. Closing is what the RFC allows.
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        Connection connection = gate.requestStarted(key(req.remotePeer(), req.localPeer()));
        try {
            chain.proceed();
        } finally {
            if (connection != null) {
                gate.requestEnded(connection);
            }
            if (http1) {
                stages.get().reading = Reading.REQUEST_LINE;
            }
        }
        if (http1 && res.isSent() && (req.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                || res.headers().containsToken(HeaderValues.CONNECTION_CLOSE))) {
            throw new CloseConnectionException("the response said Connection: close");
        }
    }

    private static boolean expectsContinueBeforeBody(Headers headers) {
        if (!headers.containsToken(HeaderValues.EXPECT_100)) {
            return false;
        }
        if (headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        try {
            return headers.contentLength().orElse(0) > 0;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static PeerKey key(PeerInfo remote, PeerInfo local) {
        return remote.address() instanceof InetSocketAddress inet ? new PeerKey(inet, local.port()) : null;
    }

    /** One HTTP/1 connection thread's reading. */
    private static final class Stage {
        private Reading reading = Reading.REQUEST_LINE;
        private InetAddress client;
    }
}

package io.camstream.server.http10;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves HTTP/1.0 requests, which Helidon 4.5 refuses with 505, through Helidon's own HTTP/1.1 connection with the
 * server's HTTP/1.1 settings and the same routing (filters, streams, API): the request is read as HTTP/1.1 with
 * {@code Connection: close} (and a {@code Host} when the client sent none), under the same request-line and header
 * limits and deadlines as HTTP/1.1, and the response is written back as HTTP/1.0, without chunked encoding, ending
 * when the connection closes. mjpg-streamer answers HTTP/1.0 this way, and old scripts and devices that speak it
 * expect nothing else. Over TLS it is chosen by ALPN {@code http/1.0}, which {@code curl --http1.0} offers.
 */
public final class Http10Selector implements ServerConnectionSelector {

    private static final byte[] VERSION = " HTTP/1.0\r".getBytes(StandardCharsets.US_ASCII);

    private final Http1ConnectionSelector http11;
    private final int maxRequestLine;

    /**
     * Creates the selector.
     *
     * @param http1 the server's HTTP/1 settings and listeners, applied to the translated requests
     */
    public Http10Selector(Http1Config http1) {
        this.http11 = Http1ConnectionSelector.builder().config(http1).build();
        this.maxRequestLine = http1.maxPrologueLength();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int newLine = request.indexOf((byte) '\n');
        if (newLine < 0) {
            // past the longest request line allowed it is no request of ours: HTTP/1.1 refuses it
            return request.available() > maxRequestLine ? Support.UNSUPPORTED : Support.UNKNOWN;
        }
        if (newLine < VERSION.length) {
            return Support.UNSUPPORTED;
        }
        byte[] line = new byte[newLine];
        request.read(line, 0, newLine);
        for (int i = 0; i < VERSION.length; i++) {
            if (line[newLine - VERSION.length + i] != VERSION[i]) {
                return Support.UNSUPPORTED;
            }
        }
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of("http/1.0");
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return http11.connection(new Http10Context(ctx));
    }
}

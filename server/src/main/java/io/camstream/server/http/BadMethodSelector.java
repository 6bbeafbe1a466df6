package io.camstream.server.http;

import io.camstream.server.log.Incident;
import io.camstream.server.log.IncidentLog;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Answers {@code 400 Bad Request} to a connection's first request whose method holds a character HTTP does not
 * allow in a token (a control character, a quote, a bracket). Helidon 4.5 fails such a request with 500 and logs a
 * stack trace each time, so anyone could fill the log by sending them; here it costs one short answer, a closed
 * connection and a count in the {@link IncidentLog}. Later requests of a kept-alive connection are Helidon's to read:
 * {@link io.camstream.server.net.BrokenRequestAnswer} answers those.
 */
public final class BadMethodSelector implements ServerConnectionSelector {

    private static final byte[] ANSWER = answer("the request method contains a character HTTP does not allow\n");

    /** The longest method looked at; real ones are far shorter, and Helidon refuses long request lines itself. */
    private static final int MAX_METHOD = 64;

    private final IncidentLog incidents;

    /**
     * Creates the selector.
     *
     * @param incidents where the refused requests are counted
     */
    public BadMethodSelector(IncidentLog incidents) {
        this.incidents = incidents;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int length = Math.min(request.available(), MAX_METHOD);
        for (int i = 0; i < length; i++) {
            int b = request.get(i);
            if (b == ' ') {
                return Support.UNSUPPORTED;
            }
            if (!isTokenChar(b)) {
                return Support.SUPPORTED;
            }
        }
        return length == MAX_METHOD ? Support.UNSUPPORTED : Support.UNKNOWN;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new ServerConnection() {
            @Override
            public void handle(Semaphore requestSemaphore) {
                incidents.report(Incident.BAD_METHOD, ctx.remotePeer().host());
                ctx.dataWriter().writeNow(BufferData.create(ANSWER));
            }

            @Override
            public Duration idleTime() {
                return Duration.ZERO;
            }

            @Override
            public void close(boolean interrupt) {
                // nothing is held: the connection ends when handle returns
            }
        };
    }

    /** RFC 9110's tchar: ALPHA, DIGIT and {@code !#$%&'*+-.^_`|~}. */
    private static boolean isTokenChar(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || "!#$%&'*+-.^_`|~".indexOf(b) >= 0;
    }

    private static byte[] answer(String reason) {
        return ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Length: "
                + reason.length() + "\r\nConnection: close\r\n\r\n" + reason).getBytes(StandardCharsets.US_ASCII);
    }
}

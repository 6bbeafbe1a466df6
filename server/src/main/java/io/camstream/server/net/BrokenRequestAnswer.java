package io.camstream.server.net;

import io.camstream.server.log.Incident;
import io.camstream.server.log.IncidentLog;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers {@code 400} with the reason, and counts it instead of logging a stack trace, when Helidon 4.5 could not
 * read an HTTP/1 request: it fails a method with a character HTTP does not allow, and headers cut off by the client
 * closing, with an "internal error" ({@code 500}, and a WARNING with a stack trace each time, so anyone could fill
 * the log). Helidon tells this handler only that an internal error happened before any request was parsed; which
 * part was being read comes from {@link RequestTracking}, on the connection's own thread. Any other internal error
 * is answered and logged as Helidon does.
 */
public final class BrokenRequestAnswer implements DirectHandler {

    private final RequestTracking tracking;
    private final IncidentLog incidents;

    /**
     * Creates the handler, for {@code EventType.INTERNAL_ERROR}.
     *
     * @param tracking  what each connection is reading
     * @param incidents where the broken requests are counted
     */
    public BrokenRequestAnswer(RequestTracking tracking, IncidentLog incidents) {
        this.tracking = tracking;
        this.incidents = incidents;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        if (eventType == EventType.INTERNAL_ERROR && request == TransportRequest.empty()) {
            switch (tracking.reading()) {
                case REQUEST_LINE -> {
                    incidents.report(Incident.BAD_METHOD, tracking.client());
                    return badRequest(responseHeaders, "the request method contains a character HTTP does not allow\n");
                }
                case HEADERS -> {
                    incidents.report(Incident.ABORTED_HEAD, tracking.client());
                    return badRequest(responseHeaders,
                            "the request headers ended before the blank line that ends them\n");
                }
                case NOTHING -> {
                    // a genuine internal error: answered and logged as Helidon does
                }
            }
        }
        return DirectHandler.defaultHandler().handle(request, eventType, defaultStatus, responseHeaders, message);
    }

    private static TransportResponse badRequest(ServerResponseHeaders headers, String reason) {
        return TransportResponse.builder()
                .status(Status.BAD_REQUEST_400)
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .entity(reason)
                .keepAlive(false)
                .build();
    }
}

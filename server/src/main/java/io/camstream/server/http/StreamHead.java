package io.camstream.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.DateTime;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.http.spi.SinkProviderContext;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The answer to {@code HEAD} on a stream: the status and headers the stream would start with, and nothing else.
 * A stream has no length, and Helidon 4.5 cannot send headers without a length and without a body over
 * HTTP/1.1: left to itself it would add {@code Content-Length: 0} (false for the GET) or chunked framing whose last
 * chunk is a body. So over HTTP/1.x the header block is written straight to the connection, and neither framing
 * header is sent (RFC 9110 §9.3.2 lets a HEAD answer omit what only the content decides); the connection then
 * serves its next request, or closes when the request asked so. Over HTTP/2 Helidon sends the headers and ends the
 * stream with an empty DATA frame. Opening this sink sends the answer; there is nothing to emit.
 */
final class StreamHead implements Sink<Void> {

    /** The type to ask a response for: {@code res.sink(StreamHead.TYPE)}. */
    static final GenericType<StreamHead> TYPE = GenericType.create(StreamHead.class);

    StreamHead(SinkProviderContext context) {
        ServerRequest request = context.serverRequest();
        if ("2.0".equals(request.prologue().protocolVersion())) {
            context.serverResponse().outputStream();
            context.flushHeaders();
            context.closeRunnable().run();
            return;
        }
        boolean close = request.headers().containsToken(HeaderValues.CONNECTION_CLOSE);
        try {
            context.connectionContext().dataWriter()
                    .writeNow(head(context.serverResponse().status(), context.serverResponse().headers(), close));
        } catch (UncheckedIOException e) {
            throw new ServerConnectionException("Failed to write the stream's headers", e);
        }
        if (close) {
            throw new CloseConnectionException("HEAD answered; the client asked to close the connection");
        }
    }

    private static BufferData head(Status status, ServerResponseHeaders headers, boolean close) {
        headers.remove(HeaderNames.CONTENT_LENGTH);
        headers.remove(HeaderNames.TRANSFER_ENCODING);
        headers.setIfAbsent(HeaderValues.create(HeaderNames.DATE, DateTime.rfc1123String()));
        // as Helidon's own HTTP/1.1 answers say (its default send-keep-alive-header)
        headers.set(close ? HeaderValues.CONNECTION_CLOSE : HeaderValues.CONNECTION_KEEP_ALIVE);
        BufferData head = BufferData.growing(512);
        head.write(("HTTP/1.1 " + status.code() + " " + status.reasonPhrase() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (Header header : headers) {
            header.writeHttp1Header(head);
        }
        head.write('\r');
        head.write('\n');
        return head;
    }

    @Override
    public StreamHead emit(Void event) {
        throw new IllegalStateException("a HEAD answer has no body");
    }

    @Override
    public void close() {
    }
}

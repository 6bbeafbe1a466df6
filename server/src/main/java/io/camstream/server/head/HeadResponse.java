package io.camstream.server.head;

import io.helidon.common.GenericType;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.NotFoundException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.http.media.EntityWriter;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.UnaryOperator;

/**
 * The answer to a {@code HEAD} request: a GET's handler writes to it as it would for GET, and the client gets the
 * same status and headers, {@code Content-Length} included, and no body. Helidon 4.5 routes {@code HEAD} only
 * where it is registered and writes whatever body a handler sends, which on a kept-alive HTTP/1.1 connection lands
 * in front of the next response and over HTTP/2 is a protocol error. Here a body is measured and dropped: the
 * length goes into {@code Content-Length} and Helidon sends the headers with an empty body (over HTTP/1.1 the
 * length header alone; over HTTP/2 a HEADERS frame and an empty DATA frame ending the stream). An endless body
 * has no length to give; a stream's HEAD is answered by its own sink ({@code StreamHead}) instead.
 */
public final class HeadResponse implements ServerResponse {

    private final ServerRequest request;
    private final ServerResponse delegate;

    private HeadResponse(ServerRequest request, ServerResponse delegate) {
        this.request = request;
        this.delegate = delegate;
    }

    /**
     * The response to write to for a request: the response itself for GET and the rest, a body-dropping one for
     * HEAD.
     *
     * @param req the request
     * @param res its response
     * @return the response handlers should write to
     */
    public static ServerResponse of(ServerRequest req, ServerResponse res) {
        return isHead(req) && !(res instanceof HeadResponse) ? new HeadResponse(req, res) : res;
    }

    /**
     * Whether a request asks for the headers only.
     *
     * @param req the request
     * @return {@code true} for {@code HEAD}
     */
    public static boolean isHead(ServerRequest req) {
        return req.prologue().method() == Method.HEAD;
    }

    /**
     * Helidon's {@code 404} for a path no route serves, as an error handler for {@code NotFoundException}, so that
     * HEAD of an unknown path leaves no body on the connection either.
     *
     * @param req the request
     * @param res its response
     * @param e   the exception routing ended with
     */
    public static void notFound(ServerRequest req, ServerResponse res, NotFoundException e) {
        of(req, res).status(Status.NOT_FOUND_404).send(e.getMessage());
    }

    @Override
    public void send(byte[] bytes) {
        send(bytes, 0, bytes.length);
    }

    @Override
    public void send(byte[] bytes, int position, int length) {
        ServerResponseHeaders headers = delegate.headers();
        if (!headers.contains(HeaderNames.CONTENT_LENGTH) && !headers.contains(HeaderNames.TRANSFER_ENCODING)) {
            delegate.contentLength(length);
        }
        delegate.send();
    }

    @Override
    public void send() {
        delegate.send();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void send(Object entity) {
        if (entity instanceof byte[] bytes) {
            send(bytes);
            return;
        }
        // The same writer Helidon would pick for GET, so Content-Type and the length come out the same.
        GenericType type = entity instanceof String ? GenericType.STRING : GenericType.create(entity);
        EntityWriter writer = request.listenerContext().mediaContext().writer(type, request.headers(), headers());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writer.write(type, entity, body, request.headers(), headers());
        send(body.toByteArray());
    }

    /** A body written as a stream is counted, then dropped like any other. */
    @Override
    public OutputStream outputStream() {
        return new ByteArrayOutputStream() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    HeadResponse.this.send(toByteArray());
                }
            }
        };
    }

    @Override
    public <T extends Sink<?>> T sink(GenericType<T> sinkType) {
        return delegate.sink(sinkType);
    }

    @Override
    public ServerResponse status(Status status) {
        delegate.status(status);
        return this;
    }

    @Override
    public Status status() {
        return delegate.status();
    }

    @Override
    public ServerResponse header(Header header) {
        delegate.header(header);
        return this;
    }

    @Override
    public boolean isSent() {
        return delegate.isSent();
    }

    @Override
    public long bytesWritten() {
        return delegate.bytesWritten();
    }

    @Override
    public ServerResponse whenSent(Runnable listener) {
        delegate.whenSent(listener);
        return this;
    }

    @Override
    public ServerResponse reroute(String newPath) {
        delegate.reroute(newPath);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        delegate.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        delegate.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return delegate.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return delegate.trailers();
    }

    @Override
    public void streamResult(String result) {
        delegate.streamResult(result);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
        delegate.streamFilter(filterFunction);
    }
}

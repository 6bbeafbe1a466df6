package io.camstream.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.SocketWriterException;
import io.helidon.http.DateTime;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.http.spi.SinkProviderContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A stream's endless body, written as the shared arrays its parts are, with no copy per viewer.
 * <p>
 * Over HTTP/1.x the body is delimited by the end of the connection, as mjpg-streamer and µStreamer send streams:
 * the status line and headers are written here with {@code Connection: close} and no {@code Transfer-Encoding}, the
 * parts go straight to the connection's {@link DataWriter}, and closing the body closes the connection. Chunked
 * framing would put chunk-size lines between the parts, which clients that do not de-chunk (Motion's netcam with
 * keep-alive) read as frame data; and Helidon's chunked stream copies every write into a chunk of its own, which
 * for a 67 kB frame and hundreds of viewers was most of the server's CPU. Output filters and before-send hooks of
 * the response do not see these bytes.
 * <p>
 * HTTP/2 frames the body itself: every write goes through Helidon's response stream, and closing ends the stream.
 * <p>
 * A stream's HEAD answer is its status line and headers alone ({@link #headersOnly()}): Helidon 4.5 cannot send
 * headers without a length and without a body over HTTP/1.1 (it would add {@code Content-Length: 0}, false for
 * the GET, or chunked framing whose last chunk is a body).
 */
final class StreamBody implements Sink<byte[]> {

    /** The type to ask a response for: {@code res.sink(StreamBody.TYPE)}. */
    static final GenericType<StreamBody> TYPE = GenericType.create(StreamBody.class);

    private final ServerResponse response;
    private final DataWriter connection;
    private final OutputStream http2;
    private final Runnable commit;
    private final Runnable flushHeaders;
    private boolean started;

    StreamBody(SinkProviderContext context) {
        this.response = context.serverResponse();
        this.connection = context.connectionContext().dataWriter();
        this.commit = context.closeRunnable();
        this.flushHeaders = context::flushHeaders;
        boolean http1 = context.serverRequest().prologue().protocolVersion().startsWith("1.");
        // The response stream must be taken before the sink exists; over HTTP/1.x taking it would commit to chunks.
        this.http2 = http1 ? null : response.outputStream();
    }

    /**
     * Writes bytes and sends them at once; the first write sends the status line and headers too.
     *
     * @param bytes the bytes, shared: they are neither copied nor changed
     * @return this body
     * @throws ServerConnectionException when the viewer has gone away
     */
    @Override
    public StreamBody emit(byte[] bytes) {
        return write(bytes, bytes.length);
    }

    /**
     * Writes the leading bytes of an array and sends them at once.
     *
     * @param bytes  the bytes, shared: they are neither copied nor changed
     * @param length how many to write
     * @return this body
     * @throws ServerConnectionException when the viewer has gone away
     */
    StreamBody write(byte[] bytes, int length) {
        try {
            if (http2 != null) {
                http2.write(bytes, 0, length);
                http2.flush();
            } else if (started) {
                connection.write(BufferData.createReadOnly(bytes, 0, length));
            } else {
                started = true;
                BufferData head = head(response);
                head.write(bytes, 0, length);
                connection.write(head);
            }
            return this;
        } catch (IOException | UncheckedIOException | SocketWriterException e) {
            throw new ServerConnectionException("Failed to write to the viewer", e);
        }
    }

    /**
     * Sends the status line and headers and no body, for HEAD; closing then ends the answer as it ends a stream.
     *
     * @throws ServerConnectionException when the client has gone away
     */
    void headersOnly() {
        try {
            if (http2 != null) {
                flushHeaders.run();
            } else {
                started = true;
                connection.writeNow(head(response));
            }
        } catch (UncheckedIOException | SocketWriterException e) {
            throw new ServerConnectionException("Failed to write the headers", e);
        }
    }

    /**
     * Ends the body: over HTTP/1.x by closing the connection, which is what tells the client the body is complete.
     *
     * @throws CloseConnectionException over HTTP/1.x, always: Helidon then closes the connection
     * @throws ServerConnectionException when the viewer has gone away
     */
    @Override
    public void close() {
        if (http2 == null) {
            throw new CloseConnectionException("the stream's body ends with its connection");
        }
        try {
            http2.close();
            commit.run();
        } catch (IOException | UncheckedIOException | SocketWriterException e) {
            throw new ServerConnectionException("Failed to end the stream", e);
        }
    }

    /** The status line and headers as Helidon writes them, for a body that lasts as long as the connection. */
    private static BufferData head(ServerResponse response) {
        ServerResponseHeaders headers = response.headers();
        headers.set(HeaderValues.CONNECTION_CLOSE);
        headers.remove(HeaderNames.TRANSFER_ENCODING);
        Status status = response.status();
        BufferData head = BufferData.growing(512);
        head.write(("HTTP/1.1 " + status.code() + " " + status.reasonPhrase() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        if (!headers.contains(HeaderNames.DATE)) {
            head.write("Date: ".getBytes(StandardCharsets.US_ASCII));
            head.write(DateTime.http1Bytes());
        }
        for (Header header : headers) {
            header.writeHttp1Header(head);
        }
        head.write('\r');
        head.write('\n');
        return head;
    }
}

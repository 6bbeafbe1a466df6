package io.camstream.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.SocketWriterException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.http.spi.SinkProviderContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * An endless response body written as already framed HTTP/1.1 chunks, straight to the connection.
 * <p>
 * Helidon's response stream copies every write into a new chunk of its own, which for a 67 kB frame and hundreds
 * of viewers was most of the server's CPU and garbage. Here the first chunk still goes through that stream, so
 * Helidon writes the status line and headers and chooses the framing; once it has chosen plain chunked HTTP/1.1,
 * later chunks go to the connection's {@link DataWriter} as the shared arrays they are. On HTTP/2, HTTP/1.0 or with
 * a content encoding every chunk's data goes through Helidon's stream, as before. Closing ends the body with
 * Helidon's last chunk.
 */
final class ChunkedStream implements Sink<HttpChunk>, AutoCloseable {

    /** The type to ask a response for: {@code res.sink(ChunkedStream.TYPE)}. */
    static final GenericType<ChunkedStream> TYPE = GenericType.create(ChunkedStream.class);

    private final OutputStream out;
    private final DataWriter connection;
    private final ServerResponseHeaders headers;
    private final boolean http11;
    private final Runnable commit;
    private boolean direct;
    private boolean started;

    ChunkedStream(SinkProviderContext context) {
        this.out = context.serverResponse().outputStream();
        this.connection = context.connectionContext().dataWriter();
        this.headers = context.serverResponse().headers();
        this.http11 = "1.1".equals(context.serverRequest().prologue().protocolVersion());
        this.commit = context.closeRunnable();
    }

    /**
     * Writes one chunk and sends it at once.
     *
     * @param chunk the chunk
     * @return this sink
     * @throws ServerConnectionException when the viewer has gone away
     */
    @Override
    public ChunkedStream emit(HttpChunk chunk) {
        try {
            if (direct) {
                connection.write(BufferData.createReadOnly(chunk.framed(), 0, chunk.framed().length));
                return this;
            }
            out.write(chunk.framed(), chunk.dataOffset(), chunk.dataLength());
            out.flush();
            if (!started) {
                started = true;
                direct = http11
                        && headers.contains(HeaderValues.TRANSFER_ENCODING_CHUNKED)
                        && !headers.contains(HeaderNames.CONTENT_ENCODING);
            }
            return this;
        } catch (IOException | UncheckedIOException | SocketWriterException e) {
            throw new ServerConnectionException("Failed to write to the viewer", e);
        }
    }

    /**
     * Ends the body.
     *
     * @throws ServerConnectionException when the viewer has gone away
     */
    @Override
    public void close() {
        try {
            out.close();
            commit.run();
        } catch (IOException | UncheckedIOException | SocketWriterException e) {
            throw new ServerConnectionException("Failed to end the stream", e);
        }
    }
}

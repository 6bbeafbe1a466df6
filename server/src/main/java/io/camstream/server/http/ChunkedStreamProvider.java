package io.camstream.server.http;

/**
 * Makes {@link ChunkedStream} available through {@code ServerResponse.sink}; found by Helidon's service loader.
 */
public final class ChunkedStreamProvider extends OwnSinkProvider<HttpChunk, ChunkedStream> {

    /**
     * Creates the provider; called by the service loader.
     */
    public ChunkedStreamProvider() {
        super(ChunkedStream.TYPE, ChunkedStream::new);
    }
}

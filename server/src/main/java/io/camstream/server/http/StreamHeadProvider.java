package io.camstream.server.http;

/**
 * Makes {@link StreamHead} available through {@code ServerResponse.sink}; found by Helidon's service loader.
 */
public final class StreamHeadProvider extends OwnSinkProvider<Void, StreamHead> {

    /**
     * Creates the provider; called by the service loader.
     */
    public StreamHeadProvider() {
        super(StreamHead.TYPE, StreamHead::new);
    }
}

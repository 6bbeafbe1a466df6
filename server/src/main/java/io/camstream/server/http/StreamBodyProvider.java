package io.camstream.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.media.type.MediaType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.http.spi.SinkProvider;
import io.helidon.webserver.http.spi.SinkProviderContext;

import java.util.function.BiConsumer;

/**
 * Makes {@link StreamBody} available through {@code ServerResponse.sink}; found by Helidon's service loader.
 */
public final class StreamBodyProvider implements SinkProvider<byte[]> {

    /**
     * Creates the provider; called by the service loader.
     */
    public StreamBodyProvider() {
    }

    @Override
    public boolean supports(GenericType<? extends Sink<?>> type, ServerRequest request) {
        return StreamBody.TYPE.equals(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X extends Sink<byte[]>> X create(SinkProviderContext context) {
        return (X) new StreamBody(context);
    }

    @Override
    public <X extends Sink<byte[]>> X create(ServerResponse response, BiConsumer<Object, MediaType> eventConsumer,
                                            Runnable closeRunnable) {
        throw new UnsupportedOperationException("Helidon 4.5 creates sinks from a SinkProviderContext");
    }
}

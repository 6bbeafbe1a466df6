package io.camstream.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.media.type.MediaType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.http.spi.SinkProvider;
import io.helidon.webserver.http.spi.SinkProviderContext;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Makes one of camstream's sinks available through {@code ServerResponse.sink(TYPE)}; each sink type has a
 * subclass, listed for Helidon's service loader.
 *
 * @param <T> what the sink takes
 * @param <S> the sink
 */
abstract class OwnSinkProvider<T, S extends Sink<T>> implements SinkProvider<T> {

    private final GenericType<S> type;
    private final Function<SinkProviderContext, S> factory;

    OwnSinkProvider(GenericType<S> type, Function<SinkProviderContext, S> factory) {
        this.type = type;
        this.factory = factory;
    }

    @Override
    public boolean supports(GenericType<? extends Sink<?>> type, ServerRequest request) {
        return this.type.equals(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X extends Sink<T>> X create(SinkProviderContext context) {
        return (X) factory.apply(context);
    }

    @Override
    public <X extends Sink<T>> X create(ServerResponse response, BiConsumer<Object, MediaType> eventConsumer,
                                        Runnable closeRunnable) {
        throw new UnsupportedOperationException("Helidon 4.5 creates sinks from a SinkProviderContext");
    }
}

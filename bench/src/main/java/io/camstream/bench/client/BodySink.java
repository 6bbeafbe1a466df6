package io.camstream.bench.client;

import java.nio.ByteBuffer;

/**
 * Takes a response body as it arrives, one range of a read buffer at a time; the buffer is reused after the call.
 */
interface BodySink {

    void accept(ByteBuffer buffer, int from, int to);
}

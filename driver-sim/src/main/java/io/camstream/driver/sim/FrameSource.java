package io.camstream.driver.sim;

import io.camstream.spi.Frame;

import java.util.Map;

/**
 * What a sim camera shows: the test pattern or a folder's JPEGs. Called by one thread at a time.
 */
interface FrameSource extends AutoCloseable {

    /** Makes the frame for a slot of the schedule; slot numbers grow, with gaps where slots were skipped. */
    Frame frame(long slot);

    /** Facts for the operator, in a stable order. */
    Map<String, String> details();

    /** Releases what the source holds; may be called more than once. */
    @Override
    default void close() {
    }
}

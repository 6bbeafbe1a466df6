package io.camstream.bench.client;

/**
 * The times of one run on the {@link System#nanoTime()} clock: start, then warm-up, then the measuring window.
 *
 * @param start        when viewers start connecting
 * @param measureStart when the warm-up ends and measuring begins
 * @param end          when measuring ends and viewers disconnect
 */
record RunWindow(long start, long measureStart, long end) {

    boolean measuring(long nanoTime) {
        return nanoTime - measureStart >= 0 && nanoTime - end < 0;
    }

    double seconds() {
        return (end - measureStart) / 1e9;
    }
}

package io.camstream.core.stage;

import io.camstream.core.jpeg.JpegTransformer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How a camera's frames were turned since the server started: by each {@link JpegTransformer.Path}, how many could
 * not be turned and were shown as the camera sent them, and the CPU time turning took. Written by the capture's
 * thread only, read by any.
 */
public final class TurnCounts {

    /** The ways a frame is turned, when it is: all but {@link JpegTransformer.Path#UNCHANGED}. */
    public static final List<JpegTransformer.Path> TURNED = List.of(JpegTransformer.Path.LOSSLESS,
            JpegTransformer.Path.PARTLY_LOSSLESS, JpegTransformer.Path.REENCODED);

    private final Map<JpegTransformer.Path, LongAdder> byPath = new EnumMap<>(JpegTransformer.Path.class);
    private final LongAdder unturned = new LongAdder();
    private volatile long cpuNanos;
    private volatile double averageNanos;

    /** Creates counts at zero. */
    public TurnCounts() {
        for (JpegTransformer.Path path : JpegTransformer.Path.values()) {
            byPath.put(path, new LongAdder());
        }
    }

    void count(JpegTransformer.Path path, long nanos) {
        byPath.get(path).increment();
        // About the last 30 frames count in the average.
        averageNanos = cpuNanos == 0 ? nanos : averageNanos + (nanos - averageNanos) / 30;
        cpuNanos += nanos;
    }

    void countUnturned() {
        unturned.increment();
    }

    /**
     * The name operators see for a way of turning, in the state API and in metrics.
     *
     * @param path the way
     * @return {@code lossless}, {@code partly-lossless}, {@code re-encoded} or {@code unchanged}
     */
    public static String label(JpegTransformer.Path path) {
        return switch (path) {
            case UNCHANGED -> "unchanged";
            case LOSSLESS -> "lossless";
            case PARTLY_LOSSLESS -> "partly-lossless";
            case REENCODED -> "re-encoded";
        };
    }

    /**
     * Frames turned one way.
     *
     * @param path the way
     * @return how many
     */
    public long turned(JpegTransformer.Path path) {
        return byPath.get(path).sum();
    }

    /** @return CPU seconds spent turning frames since the server started */
    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }

    /** @return CPU milliseconds per turned frame, averaged over about the last 30 */
    public double averageMillis() {
        return averageNanos / 1e6;
    }

    /** @return frames that could not be turned (a kind of JPEG the toolkit does not read) and were passed on */
    public long unturned() {
        return unturned.sum();
    }
}

package io.camstream.core.stage;

import io.camstream.core.jpeg.JpegTransformer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How a camera's frames were turned since the server started: by each {@link JpegTransformer.Path}, and how many
 * could not be turned and were shown as the camera sent them.
 */
public final class TurnCounts {

    private final Map<JpegTransformer.Path, LongAdder> byPath = new EnumMap<>(JpegTransformer.Path.class);
    private final LongAdder unturned = new LongAdder();

    /** Creates counts at zero. */
    public TurnCounts() {
        for (JpegTransformer.Path path : JpegTransformer.Path.values()) {
            byPath.put(path, new LongAdder());
        }
    }

    void count(JpegTransformer.Path path) {
        byPath.get(path).increment();
    }

    void countUnturned() {
        unturned.increment();
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

    /** @return frames that could not be turned (a kind of JPEG the toolkit does not read) and were passed on */
    public long unturned() {
        return unturned.sum();
    }
}

package io.camstream.core.mjpeg;

import io.camstream.core.fanout.StreamFrame;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.camstream.core.mjpeg.MjpegFormat.Layout.ADVANCE_HEADERS;
import static io.camstream.core.mjpeg.MjpegFormat.Layout.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

class PartCacheTest {

    private final PartCache cache = new PartCache();

    @Test
    void everyViewerOfAFrameWritesTheSameArrayInEachLayout() {
        StreamFrame frame = frame(1);

        byte[] standard = cache.part(frame, STANDARD);
        byte[] advance = cache.part(frame, ADVANCE_HEADERS);

        assertThat(cache.part(frame, STANDARD)).isSameAs(standard).isEqualTo(MjpegFormat.part(frame.frame()));
        assertThat(cache.part(frame, ADVANCE_HEADERS)).isSameAs(advance)
                .isEqualTo(ADVANCE_HEADERS.part(frame.frame()));
    }

    @Test
    void aNewerFrameReplacesTheOlderOne() {
        StreamFrame first = frame(1);
        StreamFrame second = frame(2);
        byte[] firstPart = cache.part(first, STANDARD);
        byte[] secondPart = cache.part(second, STANDARD);

        assertThat(cache.part(second, STANDARD)).isSameAs(secondPart);
        assertThat(cache.part(first, STANDARD)).as("assembled anew").isNotSameAs(firstPart).isEqualTo(firstPart);
    }

    @Test
    void aViewerLateWithAnOlderFrameDoesNotEvictTheNewest() {
        StreamFrame older = frame(1);
        StreamFrame newer = frame(2);
        byte[] newest = cache.part(newer, STANDARD);

        cache.part(older, STANDARD);

        assertThat(cache.part(newer, STANDARD)).isSameAs(newest);
    }

    private static StreamFrame frame(long serial) {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) serial, (byte) 0xFF, (byte) 0xD9};
        return new StreamFrame(serial, new Frame(jpeg, serial, Instant.ofEpochSecond(serial), 2, 2), true);
    }
}

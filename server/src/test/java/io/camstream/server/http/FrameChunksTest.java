package io.camstream.server.http;

import io.camstream.core.fanout.StreamFrame;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FrameChunksTest {

    private final FrameChunks chunks = new FrameChunks(StreamFrame::part);

    @Test
    void viewersOfOneFrameShareOneChunk() {
        StreamFrame frame = frame(1);

        assertThat(chunks.of(frame)).isSameAs(chunks.of(frame));
    }

    @Test
    void aNewerFrameReplacesTheSharedChunk() {
        StreamFrame first = frame(1);
        StreamFrame second = frame(2);
        HttpChunk firstChunk = chunks.of(first);

        HttpChunk secondChunk = chunks.of(second);

        assertThat(secondChunk).isNotSameAs(firstChunk);
        assertThat(chunks.of(second)).isSameAs(secondChunk);
    }

    @Test
    void aLateViewerOfAnOlderFrameDoesNotEvictTheNewest() {
        StreamFrame older = frame(1);
        StreamFrame newer = frame(2);
        HttpChunk newest = chunks.of(newer);

        chunks.of(older);

        assertThat(chunks.of(newer)).isSameAs(newest);
    }

    private static StreamFrame frame(long serial) {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xFF, (byte) 0xD9};
        Frame frame = new Frame(jpeg, serial, Instant.ofEpochSecond(1_764_068_400L + serial), 16, 16);
        return new StreamFrame(serial, frame, ("part " + serial).getBytes(StandardCharsets.US_ASCII), true);
    }
}

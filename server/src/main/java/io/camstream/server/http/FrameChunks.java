package io.camstream.server.http;

import io.camstream.core.fanout.StreamFrame;

import java.util.function.Function;

/**
 * The newest frame of one camera framed as an HTTP chunk: the first viewer to write a frame frames it, the others
 * reuse it. Only the newest frame is kept, as the feed only ever hands out its newest; a viewer late with an older
 * one frames it for itself.
 */
final class FrameChunks {

    private record Framed(StreamFrame frame, HttpChunk chunk) {
    }

    private final Function<StreamFrame, byte[]> layout;
    private volatile Framed latest;

    /**
     * @param layout which wire bytes of a frame to frame: its plain part or its advance-headers part
     */
    FrameChunks(Function<StreamFrame, byte[]> layout) {
        this.layout = layout;
    }

    HttpChunk of(StreamFrame frame) {
        Framed current = latest;
        if (current != null && current.frame() == frame) {
            return current.chunk();
        }
        synchronized (this) {
            current = latest;
            if (current != null && current.frame() == frame) {
                return current.chunk();
            }
            HttpChunk chunk = HttpChunk.of(layout.apply(frame));
            if (current == null || current.frame().serial() < frame.serial()) {
                latest = new Framed(frame, chunk);
            }
            return chunk;
        }
    }
}

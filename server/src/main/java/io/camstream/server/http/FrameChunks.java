package io.camstream.server.http;

import io.camstream.core.fanout.StreamFrame;

/**
 * The newest frame of one camera framed as an HTTP chunk: the first viewer to write a frame frames it, the others
 * reuse it. Only the newest frame is kept, as the feed only ever hands out its newest; a viewer late with an older
 * one frames it for itself.
 */
final class FrameChunks {

    private record Framed(StreamFrame frame, HttpChunk chunk) {
    }

    private volatile Framed latest;

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
            HttpChunk chunk = HttpChunk.of(frame.part());
            if (current == null || current.frame().serial() < frame.serial()) {
                latest = new Framed(frame, chunk);
            }
            return chunk;
        }
    }
}

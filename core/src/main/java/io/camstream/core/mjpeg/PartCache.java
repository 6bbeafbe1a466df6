package io.camstream.core.mjpeg;

import io.camstream.core.fanout.StreamFrame;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The newest frame of one camera as parts on the wire, in each layout some viewer asked for: the first viewer to
 * write a frame in a layout assembles its part, the others write the same array. Only the newest frame is kept, as
 * a fan-out only ever hands out its newest; a viewer late with an older one assembles that part for itself.
 */
public final class PartCache {

    private static final int LAYOUTS = MjpegFormat.Layout.values().length;

    private record Parts(StreamFrame frame, AtomicReferenceArray<byte[]> byLayout) {
    }

    private volatile Parts newest;

    /**
     * A frame's part in a layout.
     *
     * @param frame  the frame
     * @param layout the layout
     * @return the part; shared, never to be changed
     */
    public byte[] part(StreamFrame frame, MjpegFormat.Layout layout) {
        Parts parts = partsOf(frame);
        byte[] part = parts.byLayout().get(layout.ordinal());
        if (part == null) {
            // Hundreds of viewers ask at once when a frame is published: one assembles, the others wait for it.
            synchronized (parts) {
                part = parts.byLayout().get(layout.ordinal());
                if (part == null) {
                    part = layout.part(frame.frame());
                    parts.byLayout().set(layout.ordinal(), part);
                }
            }
        }
        return part;
    }

    private Parts partsOf(StreamFrame frame) {
        Parts current = newest;
        if (current != null && current.frame() == frame) {
            return current;
        }
        synchronized (this) {
            current = newest;
            if (current != null && current.frame() == frame) {
                return current;
            }
            Parts parts = new Parts(frame, new AtomicReferenceArray<>(LAYOUTS));
            if (current == null || current.frame().serial() < frame.serial()) {
                newest = parts;
            }
            return parts;
        }
    }
}

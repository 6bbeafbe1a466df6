package io.camstream.core.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns blocks into pixels as they are decoded, each block into {@code size × size} samples ({@link Idct}), so no
 * coefficients are kept. Components that are not wanted are decoded (their bits must be read) but not transformed.
 */
final class PixelSink implements BlockSink {

    private final int size;
    private final int wanted;
    private final FrameBuffers reused;
    private final Idct idct = new Idct();
    private int[][] quant;
    private byte[][] buffers;
    private int[] strides;
    private JpegHeaders headers;

    /**
     * @param size    samples per block side: 8 (full size), 4, 2 or 1
     * @param wanted  bit {@code c} set for each component {@code c} to decode
     * @param buffers where the samples go
     */
    PixelSink(int size, int wanted, FrameBuffers buffers) {
        this.size = size;
        this.wanted = wanted;
        this.reused = buffers;
    }

    /** Decodes every component. */
    static PixelSink all(int size, FrameBuffers buffers) {
        return new PixelSink(size, -1, buffers);
    }

    @Override
    public void start(JpegHeaders headers) {
        this.headers = headers;
        JpegFrame frame = headers.frame();
        int n = frame.components().size();
        quant = new int[n][];
        buffers = new byte[n][];
        strides = new int[n];
        for (int c = 0; c < n; c++) {
            if ((wanted & (1 << c)) != 0) {
                quant[c] = headers.quantTable(c);
                strides[c] = frame.blocksWide(c) * size;
                buffers[c] = reused.samples(FrameBuffers.Use.DECODED, c, strides[c] * frame.blocksHigh(c) * size);
            }
        }
    }

    @Override
    public void block(int component, int blockX, int blockY, short[] coefficients, long nonZero) {
        byte[] buffer = buffers[component];
        if (buffer == null) {
            return;
        }
        int stride = strides[component];
        idct.block(coefficients, quant[component], nonZero, size, buffer, blockY * size * stride + blockX * size,
                stride);
    }

    /** One decoded component, at {@code size/8} of its resolution (rounded up). */
    Plane plane(int component) {
        JpegFrame frame = headers.frame();
        return new Plane(buffers[component], Math.ceilDiv(frame.componentWidth(component) * size, 8),
                Math.ceilDiv(frame.componentHeight(component) * size, 8), strides[component]);
    }

    /** The picture, at {@code size/8} of its size, when every component was wanted. */
    PlanarImage image() {
        JpegFrame source = headers.frame();
        JpegFrame frame = new JpegFrame(Math.ceilDiv(source.width() * size, 8), Math.ceilDiv(source.height() * size, 8),
                new ArrayList<>(source.components()));
        Plane[] planes = new Plane[buffers.length];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = new Plane(buffers[c], frame.componentWidth(c), frame.componentHeight(c), strides[c]);
        }
        return new PlanarImage(frame, headers.colourSpace(), planes);
    }

    /** The first component alone, as a grey picture at {@code size/8} of the size. */
    PlanarImage luma() {
        JpegFrame source = headers.frame();
        JpegFrame frame = new JpegFrame(Math.ceilDiv(source.width() * size, 8), Math.ceilDiv(source.height() * size, 8),
                List.of(new FrameComponent(source.components().getFirst().id(), 1, 1, 0)));
        Plane y = new Plane(buffers[0], frame.width(), frame.height(), strides[0]);
        return new PlanarImage(frame, ColourSpace.GREY, new Plane[]{y});
    }
}

package io.camstream.core.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns blocks into pixels as they are decoded, each block into {@code size × size} samples ({@link Idct}), so no
 * coefficients are kept. Components that are not wanted are decoded (their bits must be read) but not transformed.
 */
final class PixelSink implements BlockSink {

    private final int size;
    private final boolean lumaOnly;
    private final Idct idct = new Idct();
    private int[][] quant;
    private byte[][] buffers;
    private int[] strides;
    private JpegHeaders headers;

    /**
     * @param size     samples per block side: 8 (full size), 4, 2 or 1
     * @param lumaOnly decode only the first component
     */
    PixelSink(int size, boolean lumaOnly) {
        this.size = size;
        this.lumaOnly = lumaOnly;
    }

    @Override
    public void start(JpegHeaders headers) {
        this.headers = headers;
        JpegFrame frame = headers.frame();
        int n = lumaOnly ? 1 : frame.components().size();
        quant = new int[n][];
        buffers = new byte[n][];
        strides = new int[n];
        for (int c = 0; c < n; c++) {
            quant[c] = headers.quantTable(c);
            strides[c] = frame.blocksWide(c) * size;
            buffers[c] = new byte[strides[c] * frame.blocksHigh(c) * size];
        }
    }

    @Override
    public void block(int component, int blockX, int blockY, short[] coefficients, long nonZero) {
        if (component >= buffers.length) {
            return;
        }
        int stride = strides[component];
        idct.block(coefficients, quant[component], nonZero, size, buffers[component],
                blockY * size * stride + blockX * size, stride);
    }

    /** The picture, at {@code size/8} of its size (rounded up). */
    PlanarImage image() {
        JpegFrame source = headers.frame();
        List<FrameComponent> components = lumaOnly
                ? List.of(new FrameComponent(source.components().getFirst().id(), 1, 1, 0))
                : source.components();
        JpegFrame frame = new JpegFrame(Math.ceilDiv(source.width() * size, 8), Math.ceilDiv(source.height() * size, 8),
                new ArrayList<>(components));
        Plane[] planes = new Plane[buffers.length];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = new Plane(buffers[c], frame.componentWidth(c), frame.componentHeight(c), strides[c]);
        }
        return new PlanarImage(frame, lumaOnly ? ColourSpace.GREY : headers.colourSpace(), planes);
    }
}

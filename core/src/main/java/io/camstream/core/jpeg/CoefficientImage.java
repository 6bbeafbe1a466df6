package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

/**
 * A picture as quantised DCT coefficients: for every component a grid of 8×8 blocks padded to whole MCUs, each
 * block's 64 coefficients in natural order. {@link LosslessTransform} turns one into a view that reads the same
 * blocks in their new places and orientations, so turning copies nothing; {@link JpegWriter} codes either.
 */
public final class CoefficientImage {

    /**
     * How one component's blocks are stored: the blocks that hold its samples, the distance between block rows, and
     * how the stored picture is turned to give this image.
     */
    record Layout(int wide, int high, int stride, Orientation orientation) {

        static Layout of(JpegFrame frame, int component) {
            return new Layout(Math.ceilDiv(frame.componentWidth(component), 8),
                    Math.ceilDiv(frame.componentHeight(component), 8), frame.blocksWide(component), Orientation.NONE);
        }

        Layout then(Orientation turn) {
            return new Layout(wide, high, stride, orientation.then(turn));
        }
    }

    private final JpegHeaders headers;
    private final short[][] planes;
    private final long[][] nonZero;
    private final Layout[] layouts;

    /**
     * Wraps coefficients.
     *
     * @param headers the headers that describe them (frame, quantisation tables, colour space, segments)
     * @param planes  for each component, {@code blocksWide × blocksHigh × 64} coefficients, block after block in
     *                rows
     * @param nonZero for each component and block, bit {@code i} set where coefficient {@code i} (natural order)
     *                may be non-zero, so that the encoder skips runs of zeros at once; a coefficient whose bit is
     *                clear is zero whatever the plane holds there, and is never read
     */
    public CoefficientImage(JpegHeaders headers, short[][] planes, long[][] nonZero) {
        this(headers, planes, nonZero, layouts(headers.frame()));
        JpegFrame frame = headers.frame();
        if (planes.length != frame.components().size()) {
            throw new IllegalArgumentException(planes.length + " planes for " + frame.components().size()
                    + " components");
        }
        for (int c = 0; c < planes.length; c++) {
            if (planes[c].length != frame.blocksWide(c) * frame.blocksHigh(c) * 64
                    || nonZero[c].length != frame.blocksWide(c) * frame.blocksHigh(c)) {
                throw new IllegalArgumentException("plane " + c + " has the wrong size");
            }
        }
    }

    CoefficientImage(JpegHeaders headers, short[][] planes, long[][] nonZero, Layout[] layouts) {
        this.headers = headers;
        this.planes = planes;
        this.nonZero = nonZero;
        this.layouts = layouts;
    }

    /**
     * Reads a JPEG's coefficients.
     *
     * @param jpeg   the JPEG
     * @param limits the largest picture accepted
     * @return its coefficients
     * @throws JpegException as {@link JpegReader#read(byte[], JpegLimits, BlockSink)} does
     */
    public static CoefficientImage read(byte[] jpeg, JpegLimits limits) {
        return read(jpeg, limits, null, new FrameBuffers());
    }

    /** Reads the coefficients into the buffers, handing every block to {@code also} as well, if not null. */
    static CoefficientImage read(byte[] jpeg, JpegLimits limits, BlockSink also, FrameBuffers buffers) {
        Store store = new Store(also, buffers);
        JpegHeaders headers = JpegReader.read(jpeg, limits, store);
        return new CoefficientImage(headers, store.planes, store.nonZero);
    }

    /** @return the headers */
    public JpegHeaders headers() {
        return headers;
    }

    /** @return the frame header */
    public JpegFrame frame() {
        return headers.frame();
    }

    /** A view of the same blocks turned: the headers describe the turned picture. */
    CoefficientImage turned(JpegHeaders turnedHeaders, Orientation turn) {
        Layout[] turnedLayouts = new Layout[layouts.length];
        for (int c = 0; c < layouts.length; c++) {
            turnedLayouts[c] = layouts[c].then(turn);
        }
        return new CoefficientImage(turnedHeaders, planes, nonZero, turnedLayouts);
    }

    short[] storedPlane(int component) {
        return planes[component];
    }

    long[] storedNonZero(int component) {
        return nonZero[component];
    }

    Layout layout(int component) {
        return layouts[component];
    }

    /** Where the blocks of a component are, for the encoder. */
    BlockMap map(int component) {
        return BlockMap.of(layouts[component]);
    }

    private static Layout[] layouts(JpegFrame frame) {
        Layout[] layouts = new Layout[frame.components().size()];
        for (int c = 0; c < layouts.length; c++) {
            layouts[c] = Layout.of(frame, c);
        }
        return layouts;
    }

    private static final class Store implements BlockSink {
        private final BlockSink also;
        private final FrameBuffers buffers;
        private short[][] planes;
        private long[][] nonZero;
        private int[] blocksWide;

        Store(BlockSink also, FrameBuffers buffers) {
            this.also = also;
            this.buffers = buffers;
        }

        @Override
        public void start(JpegHeaders headers) {
            JpegFrame frame = headers.frame();
            int n = frame.components().size();
            planes = new short[n][];
            nonZero = new long[n][];
            blocksWide = new int[n];
            for (int c = 0; c < n; c++) {
                blocksWide[c] = frame.blocksWide(c);
                int blocks = blocksWide[c] * frame.blocksHigh(c);
                planes[c] = buffers.coefficients(FrameBuffers.Use.READ, c, blocks * 64);
                nonZero[c] = buffers.masks(FrameBuffers.Use.READ, c, blocks);
            }
            if (also != null) {
                also.start(headers);
            }
        }

        @Override
        public void block(int component, int blockX, int blockY, short[] coefficients, long mask) {
            int index = blockY * blocksWide[component] + blockX;
            // Only the coefficients the mask names: a block holds a handful, and its encoder reads no others.
            short[] plane = planes[component];
            int base = index * 64;
            for (long m = mask; m != 0; m &= m - 1) {
                int i = Long.numberOfTrailingZeros(m);
                plane[base + i] = coefficients[i];
            }
            nonZero[component][index] = mask;
            if (also != null) {
                also.block(component, blockX, blockY, coefficients, mask);
            }
        }
    }
}

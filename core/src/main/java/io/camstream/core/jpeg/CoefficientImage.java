package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

/**
 * A picture as quantised DCT coefficients: for every component a grid of 8×8 blocks padded to whole MCUs, each
 * block's 64 coefficients in natural order. {@link LosslessTransform} turns one into a view that reads the same
 * blocks in their new places and orientations, so turning copies nothing; {@link JpegWriter} codes either.
 */
public final class CoefficientImage {

    private final JpegHeaders headers;
    private final JpegFrame stored;
    private final short[][] planes;
    private final long[][] nonZero;
    private final Orientation orientation;

    /**
     * Wraps coefficients.
     *
     * @param headers the headers that describe them (frame, quantisation tables, colour space, segments)
     * @param planes  for each component, {@code blocksWide × blocksHigh × 64} coefficients, block after block in
     *                rows
     * @param nonZero for each component and block, bit {@code i} set where coefficient {@code i} (natural order)
     *                may be non-zero, so that the encoder skips runs of zeros at once
     */
    public CoefficientImage(JpegHeaders headers, short[][] planes, long[][] nonZero) {
        this(headers, headers.frame(), planes, nonZero, Orientation.NONE);
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

    private CoefficientImage(JpegHeaders headers, JpegFrame stored, short[][] planes, long[][] nonZero,
                             Orientation orientation) {
        this.headers = headers;
        this.stored = stored;
        this.planes = planes;
        this.nonZero = nonZero;
        this.orientation = orientation;
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
        Store store = new Store();
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
        return new CoefficientImage(turnedHeaders, stored, planes, nonZero, orientation.then(turn));
    }

    short[] storedPlane(int component) {
        return planes[component];
    }

    long[] storedNonZero(int component) {
        return nonZero[component];
    }

    /** Where the blocks of a component are, for the encoder. */
    BlockMap map(int component) {
        return BlockMap.of(stored, component, orientation);
    }

    private static final class Store implements BlockSink {
        private short[][] planes;
        private long[][] nonZero;
        private int[] blocksWide;

        @Override
        public void start(JpegHeaders headers) {
            JpegFrame frame = headers.frame();
            int n = frame.components().size();
            planes = new short[n][];
            nonZero = new long[n][];
            blocksWide = new int[n];
            for (int c = 0; c < n; c++) {
                blocksWide[c] = frame.blocksWide(c);
                planes[c] = new short[blocksWide[c] * frame.blocksHigh(c) * 64];
                nonZero[c] = new long[blocksWide[c] * frame.blocksHigh(c)];
            }
        }

        @Override
        public void block(int component, int blockX, int blockY, short[] coefficients, long nonZero) {
            int index = blockY * blocksWide[component] + blockX;
            System.arraycopy(coefficients, 0, planes[component], index * 64, 64);
            this.nonZero[component][index] = nonZero;
        }
    }
}

package io.camstream.core.jpeg;

/**
 * A picture as quantised DCT coefficients: for every component a grid of 8×8 blocks padded to whole MCUs, each
 * block's 64 coefficients in natural order. Lossless transforms work on this form; {@link JpegWriter} codes it.
 */
public final class CoefficientImage {

    private final JpegHeaders headers;
    private final short[][] planes;

    /**
     * Wraps coefficients.
     *
     * @param headers the headers that describe them (frame, quantisation tables, colour space, segments)
     * @param planes  for each component, {@code blocksWide × blocksHigh × 64} coefficients, block after block in
     *                rows
     */
    public CoefficientImage(JpegHeaders headers, short[][] planes) {
        JpegFrame frame = headers.frame();
        if (planes.length != frame.components().size()) {
            throw new IllegalArgumentException(planes.length + " planes for " + frame.components().size()
                    + " components");
        }
        for (int c = 0; c < planes.length; c++) {
            if (planes[c].length != frame.blocksWide(c) * frame.blocksHigh(c) * 64) {
                throw new IllegalArgumentException("plane " + c + " has the wrong size");
            }
        }
        this.headers = headers;
        this.planes = planes;
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
        return new CoefficientImage(headers, store.planes);
    }

    /** @return the headers */
    public JpegHeaders headers() {
        return headers;
    }

    /** @return the frame header */
    public JpegFrame frame() {
        return headers.frame();
    }

    /**
     * The coefficients of one component; not copied.
     *
     * @param component the component's index
     * @return its blocks
     */
    public short[] plane(int component) {
        return planes[component];
    }

    private static final class Store implements BlockSink {
        private short[][] planes;
        private int[] blocksWide;

        @Override
        public void start(JpegHeaders headers) {
            JpegFrame frame = headers.frame();
            int n = frame.components().size();
            planes = new short[n][];
            blocksWide = new int[n];
            for (int c = 0; c < n; c++) {
                blocksWide[c] = frame.blocksWide(c);
                planes[c] = new short[blocksWide[c] * frame.blocksHigh(c) * 64];
            }
        }

        @Override
        public void block(int component, int blockX, int blockY, short[] coefficients, int last) {
            System.arraycopy(coefficients, 0, planes[component], (blockY * blocksWide[component] + blockX) * 64, 64);
        }
    }
}

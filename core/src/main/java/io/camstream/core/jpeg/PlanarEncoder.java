package io.camstream.core.jpeg;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes planes as a baseline JPEG: forward DCT and quantisation of every block ({@link Fdct}), then
 * {@link JpegWriter}. The planes keep their sampling, so a 4:2:0 picture decoded and scaled stays 4:2:0 without
 * its chrominance being resampled.
 */
public final class PlanarEncoder {

    /** JFIF 1.01, no density: says that three components are YCbCr. */
    private static final Segment JFIF = new Segment(0xE0, new byte[]{'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});

    private PlanarEncoder() {
    }

    /**
     * Encodes at a quality, with annex K's tables scaled as the IJG software does and annex K's Huffman tables.
     *
     * @param image           the planes, grey or YCbCr
     * @param quality         1 (smallest) to 100 (best)
     * @param restartInterval MCUs between restart markers, 0 for none
     * @return the JPEG
     * @throws IllegalArgumentException when the quality is out of range or the picture is RGB
     */
    public static byte[] encode(PlanarImage image, int quality, int restartInterval) {
        return encode(image, quality, restartInterval, new FrameBuffers());
    }

    /**
     * Encodes at a quality, in buffers the caller keeps from frame to frame.
     *
     * @param image           the planes, grey or YCbCr
     * @param quality         1 (smallest) to 100 (best)
     * @param restartInterval MCUs between restart markers, 0 for none
     * @param buffers         where the coefficients go
     * @return the JPEG
     * @throws IllegalArgumentException when the quality is out of range or the picture is RGB
     */
    public static byte[] encode(PlanarImage image, int quality, int restartInterval, FrameBuffers buffers) {
        if (image.colourSpace() == ColourSpace.RGB) {
            throw new IllegalArgumentException("RGB planes: convert them to YCbCr first");
        }
        int[][] quant = {StandardTables.scaled(StandardTables.LUMINANCE_QUANT, quality),
                StandardTables.scaled(StandardTables.CHROMINANCE_QUANT, quality), null, null};
        List<FrameComponent> components = new ArrayList<>();
        for (int c = 0; c < image.planes().length; c++) {
            FrameComponent given = image.frame().components().get(c);
            components.add(new FrameComponent(c + 1, given.h(), given.v(), c == 0 ? 0 : 1));
        }
        JpegFrame frame = new JpegFrame(image.width(), image.height(), components);
        JpegHeaders headers = new JpegHeaders(frame, quant, null, null, restartInterval, image.colourSpace(),
                List.of(JFIF));
        return JpegWriter.write(coefficients(image.planes(), headers, buffers), HuffmanChoice.STANDARD,
                restartInterval, headers.segments(), buffers);
    }

    /**
     * Transforms and quantises planes with the tables and sampling that headers give.
     *
     * @param planes  one plane per component of the headers' frame, at the component's resolution
     * @param headers the frame and the quantisation tables
     * @return the coefficients
     */
    static CoefficientImage coefficients(Plane[] planes, JpegHeaders headers, FrameBuffers buffers) {
        Fdct fdct = new Fdct();
        short[][] coefficients = new short[planes.length][];
        long[][] nonZero = new long[planes.length][];
        for (int c = 0; c < planes.length; c++) {
            Coded coded = component(planes[c], headers, c, fdct, buffers);
            coefficients[c] = coded.coefficients;
            nonZero[c] = coded.nonZero;
        }
        return new CoefficientImage(headers, coefficients, nonZero);
    }

    /** One component's coefficients, and the masks of their non-zero ones. */
    record Coded(short[] coefficients, long[] nonZero) {
    }

    /** Transforms and quantises one component's plane into the padded block grid the headers' frame gives it. */
    static Coded component(Plane plane, JpegHeaders headers, int c, Fdct fdct, FrameBuffers buffers) {
        JpegFrame frame = headers.frame();
        int wide = frame.blocksWide(c);
        int high = frame.blocksHigh(c);
        int[] reciprocals = Fdct.reciprocals(headers.quantTable(c));
        short[] out = buffers.coefficients(FrameBuffers.Use.ENCODED, c, wide * high * 64);
        long[] masks = buffers.masks(FrameBuffers.Use.ENCODED, c, wide * high);
        for (int by = 0; by < high; by++) {
            for (int bx = 0; bx < wide; bx++) {
                int block = by * wide + bx;
                masks[block] = fdct.block(plane, bx * 8, by * 8, reciprocals, out, block * 64);
            }
        }
        return new Coded(out, masks);
    }
}

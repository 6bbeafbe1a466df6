package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns and mirrors a picture in the DCT domain, as jpegtran does, without decoding it: blocks move to their new
 * place in the grid, a transpose swaps each block's horizontal and vertical frequencies (and the quantisation table
 * with them), and mirroring negates the odd frequencies along that axis. The sampling factors swap with the axes.
 * <p>
 * This is exact only when every mirrored axis of the output is a whole number of MCUs: a partial MCU at the right or
 * bottom edge would otherwise move to the left or top, where the grid has no room for it ({@code jpegtran -perfect}
 * fails then). {@link #isLossless} tells; a transpose alone is always exact.
 */
public final class LosslessTransform {

    private LosslessTransform() {
    }

    /**
     * Whether the orientation can be applied to this frame without decoding.
     *
     * @param frame       the source frame
     * @param orientation the orientation
     * @return true when every axis the output mirrors is a whole number of MCUs
     */
    public static boolean isLossless(JpegFrame frame, Orientation orientation) {
        boolean grey = frame.components().size() == 1;
        int mcuW = grey ? 8 : 8 * (orientation.transposes() ? frame.vMax() : frame.hMax());
        int mcuH = grey ? 8 : 8 * (orientation.transposes() ? frame.hMax() : frame.vMax());
        int width = orientation.transposes() ? frame.height() : frame.width();
        int height = orientation.transposes() ? frame.width() : frame.height();
        return (!orientation.mirrorsX() || width % mcuW == 0) && (!orientation.mirrorsY() || height % mcuH == 0);
    }

    /**
     * Applies an orientation.
     *
     * @param source      the coefficients
     * @param orientation the orientation
     * @return the turned coefficients, with their frame and quantisation tables
     * @throws IllegalArgumentException when {@link #isLossless} is false
     */
    public static CoefficientImage apply(CoefficientImage source, Orientation orientation) {
        JpegFrame frame = source.frame();
        if (!isLossless(frame, orientation)) {
            throw new IllegalArgumentException("a " + frame.width() + "x" + frame.height() + " " + frame.sampling()
                    + " picture cannot be turned " + orientation + " losslessly: a mirrored axis is not a whole"
                    + " number of MCUs");
        }
        JpegHeaders headers = turnedHeaders(source.headers(), orientation);
        JpegFrame turned = headers.frame();
        short[][] planes = new short[frame.components().size()][];
        int[] sign = signs(orientation);
        int[] from = coefficientSource(orientation);
        for (int c = 0; c < planes.length; c++) {
            int srcWide = gridWidth(frame, c);
            int srcHigh = gridHeight(frame, c);
            int srcStride = frame.blocksWide(c);
            int outWide = turned.blocksWide(c);
            short[] in = source.plane(c);
            short[] out = new short[outWide * turned.blocksHigh(c) * 64];
            int rows = orientation.transposes() ? srcWide : srcHigh;
            int cols = orientation.transposes() ? srcHigh : srcWide;
            for (int by = 0; by < rows; by++) {
                for (int bx = 0; bx < cols; bx++) {
                    long at = orientation.sourceOf(bx, by, srcWide, srcHigh);
                    int src = ((int) at * srcStride + (int) (at >>> 32)) * 64;
                    int dst = (by * outWide + bx) * 64;
                    for (int i = 0; i < 64; i++) {
                        out[dst + i] = (short) (in[src + from[i]] * sign[i]);
                    }
                }
            }
            planes[c] = out;
        }
        return new CoefficientImage(headers, planes);
    }

    /** Blocks across that hold the picture: the padded grid, or for a lone component the blocks it needs. */
    private static int gridWidth(JpegFrame frame, int c) {
        return frame.components().size() == 1 ? Math.ceilDiv(frame.width(), 8) : frame.blocksWide(c);
    }

    private static int gridHeight(JpegFrame frame, int c) {
        return frame.components().size() == 1 ? Math.ceilDiv(frame.height(), 8) : frame.blocksHigh(c);
    }

    /** Where each output coefficient (natural order) comes from within its source block. */
    private static int[] coefficientSource(Orientation orientation) {
        int[] from = new int[64];
        for (int i = 0; i < 64; i++) {
            from[i] = orientation.transposes() ? (i % 8) * 8 + i / 8 : i;
        }
        return from;
    }

    /** Mirroring an axis negates the odd frequencies along it. */
    private static int[] signs(Orientation orientation) {
        int[] sign = new int[64];
        for (int i = 0; i < 64; i++) {
            boolean negate = (orientation.mirrorsX() && (i % 8) % 2 == 1) ^ (orientation.mirrorsY() && (i / 8) % 2 == 1);
            sign[i] = negate ? -1 : 1;
        }
        return sign;
    }

    /** The frame, sampling and quantisation tables of the turned picture. */
    static JpegHeaders turnedHeaders(JpegHeaders headers, Orientation orientation) {
        JpegFrame frame = headers.frame();
        boolean swap = orientation.transposes();
        boolean grey = frame.components().size() == 1;
        List<FrameComponent> components = new ArrayList<>();
        for (FrameComponent c : frame.components()) {
            int h = grey ? 1 : swap ? c.v() : c.h();
            int v = grey ? 1 : swap ? c.h() : c.v();
            components.add(new FrameComponent(c.id(), h, v, c.quantTable()));
        }
        JpegFrame turned = new JpegFrame(swap ? frame.height() : frame.width(),
                swap ? frame.width() : frame.height(), components);
        int[][] quant = headers.quantTables().clone();
        if (swap) {
            for (int t = 0; t < quant.length; t++) {
                if (quant[t] != null) {
                    int[] table = new int[64];
                    for (int i = 0; i < 64; i++) {
                        table[i] = quant[t][(i % 8) * 8 + i / 8];
                    }
                    quant[t] = table;
                }
            }
        }
        return new JpegHeaders(turned, quant, headers.dcTables(), headers.acTables(), headers.restartInterval(),
                headers.colourSpace(), headers.segments());
    }
}

package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns and mirrors a picture in the DCT domain, as jpegtran does, without decoding it: blocks move to their new
 * place in the grid, a transpose swaps each block's horizontal and vertical frequencies (and the quantisation table
 * with them), and mirroring negates the odd frequencies along that axis. The sampling factors swap with the axes.
 * The result is a view of the same coefficients ({@link BlockMap}): the encoder reads them in their new order.
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
     * @return the turned coefficients, with their frame and quantisation tables; shares the source's arrays
     * @throws IllegalArgumentException when {@link #isLossless} is false
     */
    public static CoefficientImage apply(CoefficientImage source, Orientation orientation) {
        JpegFrame frame = source.frame();
        if (!isLossless(frame, orientation)) {
            throw new IllegalArgumentException("a " + frame.width() + "x" + frame.height() + " " + frame.sampling()
                    + " picture cannot be turned " + orientation + " losslessly: a mirrored axis is not a whole"
                    + " number of MCUs");
        }
        return source.turned(turnedHeaders(source.headers(), orientation), orientation);
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

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
 * fails then). {@link #isLossless} tells; a transpose alone is always exact. {@link #losslessComponents} tells the
 * same of each component alone, for a turn that keeps the components it can and re-encodes the others.
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
        for (boolean exact : losslessComponents(frame, orientation)) {
            if (!exact) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which components can be turned on their blocks: those whose every mirrored edge, in the turned picture, is a
     * whole number of blocks that line up with the picture's pixels. With 4:2:0 sampling and 1080 rows turned by a
     * quarter, the luminance's 135 rows of blocks can, the chrominance's 67.5 cannot.
     *
     * @param frame       the source frame
     * @param orientation the orientation
     * @return for each component, true when it can be turned losslessly
     */
    public static boolean[] losslessComponents(JpegFrame frame, Orientation orientation) {
        JpegFrame turned = turnedFrame(frame, orientation);
        boolean[] exact = new boolean[frame.components().size()];
        for (int c = 0; c < exact.length; c++) {
            FrameComponent component = turned.components().get(c);
            boolean x = turned.componentWidth(c) % 8 == 0 && turned.width() * component.h() % turned.hMax() == 0;
            boolean y = turned.componentHeight(c) % 8 == 0 && turned.height() * component.v() % turned.vMax() == 0;
            exact[c] = (!orientation.mirrorsX() || x) && (!orientation.mirrorsY() || y);
        }
        return exact;
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

    /** The frame of the turned picture: size and sampling factors swapped by a transpose; a lone component 1×1. */
    private static JpegFrame turnedFrame(JpegFrame frame, Orientation orientation) {
        boolean swap = orientation.transposes();
        boolean grey = frame.components().size() == 1;
        List<FrameComponent> components = new ArrayList<>();
        for (FrameComponent c : frame.components()) {
            int h = grey ? 1 : swap ? c.v() : c.h();
            int v = grey ? 1 : swap ? c.h() : c.v();
            components.add(new FrameComponent(c.id(), h, v, c.quantTable()));
        }
        return new JpegFrame(swap ? frame.height() : frame.width(), swap ? frame.width() : frame.height(), components);
    }

    /** The frame, sampling and quantisation tables of the turned picture. */
    static JpegHeaders turnedHeaders(JpegHeaders headers, Orientation orientation) {
        boolean swap = orientation.transposes();
        JpegFrame turned = turnedFrame(headers.frame(), orientation);
        int[][] quant = headers.quantTables().clone();
        if (swap) {
            for (int t = 0; t < quant.length; t++) {
                if (quant[t] != null) {
                    int[] table = new int[64];
                    for (int i = 0; i < 64; i++) {
                        table[i] = quant[t][BlockMap.transposed(i)];
                    }
                    quant[t] = table;
                }
            }
        }
        return new JpegHeaders(turned, quant, headers.dcTables(), headers.acTables(), headers.restartInterval(),
                headers.colourSpace(), headers.segments());
    }
}

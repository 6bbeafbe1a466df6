package io.camstream.core.jpeg;

import java.util.List;

/**
 * A frame header: the picture's size and its components, with the block grid they imply. A minimum coded unit
 * (MCU) is {@code 8·hMax × 8·vMax} pixels; every component's block grid is padded to whole MCUs, as an interleaved
 * scan codes it.
 *
 * @param width      picture width in pixels
 * @param height     picture height in pixels
 * @param components the components in frame order
 */
public record JpegFrame(int width, int height, List<FrameComponent> components) {

    /**
     * Copies the component list.
     */
    public JpegFrame {
        components = List.copyOf(components);
    }

    /** @return the largest horizontal sampling factor */
    public int hMax() {
        int max = 1;
        for (FrameComponent c : components) {
            max = Math.max(max, c.h());
        }
        return max;
    }

    /** @return the largest vertical sampling factor */
    public int vMax() {
        int max = 1;
        for (FrameComponent c : components) {
            max = Math.max(max, c.v());
        }
        return max;
    }

    /** @return the MCU's width in pixels */
    public int mcuWidth() {
        return 8 * hMax();
    }

    /** @return the MCU's height in pixels */
    public int mcuHeight() {
        return 8 * vMax();
    }

    /** @return MCUs across the picture */
    public int mcusWide() {
        return Math.ceilDiv(width, mcuWidth());
    }

    /** @return MCUs down the picture */
    public int mcusHigh() {
        return Math.ceilDiv(height, mcuHeight());
    }

    /**
     * @param c a component's index in {@link #components()}
     * @return its blocks across, padded to whole MCUs
     */
    public int blocksWide(int c) {
        return mcusWide() * components.get(c).h();
    }

    /**
     * @param c a component's index
     * @return its blocks down, padded to whole MCUs
     */
    public int blocksHigh(int c) {
        return mcusHigh() * components.get(c).v();
    }

    /**
     * @param c a component's index
     * @return its width in samples: the picture's width scaled by its sampling factor, rounded up
     */
    public int componentWidth(int c) {
        return Math.ceilDiv(width * components.get(c).h(), hMax());
    }

    /**
     * @param c a component's index
     * @return its height in samples
     */
    public int componentHeight(int c) {
        return Math.ceilDiv(height * components.get(c).v(), vMax());
    }

    /**
     * The sampling as usually named: {@code 4:2:0}, {@code 4:2:2}, {@code 4:4:4}, {@code grey}, or the factors.
     *
     * @return a short description
     */
    public String sampling() {
        if (components.size() == 1) {
            return "grey";
        }
        StringBuilder factors = new StringBuilder();
        for (FrameComponent c : components) {
            factors.append(factors.isEmpty() ? "" : ",").append(c.h()).append('x').append(c.v());
        }
        return switch (factors.toString()) {
            case "2x2,1x1,1x1" -> "4:2:0";
            case "2x1,1x1,1x1" -> "4:2:2";
            case "1x1,1x1,1x1" -> "4:4:4";
            case "1x2,1x1,1x1" -> "4:4:0";
            default -> factors.toString();
        };
    }
}

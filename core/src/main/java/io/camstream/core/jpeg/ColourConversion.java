package io.camstream.core.jpeg;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * Between RGB pictures and YCbCr planes, with the JFIF equations (full range, 16-bit fixed point). Chrominance is
 * averaged over 2×2 pixels for 4:2:0 planes, and repeated over them on the way back.
 */
public final class ColourConversion {

    private static final int BITS = 16;
    private static final int HALF = 1 << (BITS - 1);

    private ColourConversion() {
    }

    /**
     * Converts part of an RGB picture to 4:2:0 YCbCr planes, ready for {@link PlanarEncoder}.
     *
     * @param image  any opaque picture
     * @param region the part to convert, or {@code null} for all of it
     * @return the planes
     */
    public static PlanarImage toYCbCr420(BufferedImage image, Rectangle region) {
        Rectangle r = region == null ? new Rectangle(0, 0, image.getWidth(), image.getHeight()) : region;
        JpegFrame frame = new JpegFrame(r.width, r.height, List.of(new FrameComponent(1, 2, 2, 0),
                new FrameComponent(2, 1, 1, 1), new FrameComponent(3, 1, 1, 1)));
        Plane y = Plane.of(r.width, r.height);
        Plane cb = Plane.of(frame.componentWidth(1), frame.componentHeight(1));
        Plane cr = Plane.of(cb.width(), cb.height());
        int[] rows = new int[2 * r.width];
        for (int line = 0; line < r.height; line += 2) {
            int pair = Math.min(2, r.height - line);
            readRows(image, r.x, r.y + line, r.width, pair, rows);
            for (int i = 0; i < pair; i++) {
                for (int x = 0; x < r.width; x++) {
                    int rgb = rows[i * r.width + x];
                    int red = rgb >> 16 & 0xFF;
                    int green = rgb >> 8 & 0xFF;
                    int blue = rgb & 0xFF;
                    y.samples()[(line + i) * r.width + x] = (byte) ((19595 * red + 38470 * green + 7471 * blue + HALF) >> BITS);
                }
            }
            for (int cx = 0; cx < cb.width(); cx++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                int n = 0;
                for (int i = 0; i < pair; i++) {
                    for (int x = 2 * cx; x < Math.min(2 * cx + 2, r.width); x++) {
                        int rgb = rows[i * r.width + x];
                        red += rgb >> 16 & 0xFF;
                        green += rgb >> 8 & 0xFF;
                        blue += rgb & 0xFF;
                        n++;
                    }
                }
                if (n != 4) {
                    // At the right and bottom edges: scale the sums up to four pixels' worth.
                    red = red * 4 / n;
                    green = green * 4 / n;
                    blue = blue * 4 / n;
                }
                int at = (line / 2) * cb.width() + cx;
                cb.samples()[at] = (byte) Math.clamp((-11059 * red - 21709 * green + 32768 * blue + (512 << BITS)
                        + 2 * HALF) >> (BITS + 2), 0, 255);
                cr.samples()[at] = (byte) Math.clamp((32768 * red - 27439 * green - 5329 * blue + (512 << BITS)
                        + 2 * HALF) >> (BITS + 2), 0, 255);
            }
        }
        return new PlanarImage(frame, ColourSpace.YCBCR, new Plane[]{y, cb, cr});
    }

    /** Reads rows as 0xRRGGBB straight from the raster for the usual types; {@code getRGB} is several times slower. */
    private static void readRows(BufferedImage image, int x, int y, int width, int rows, int[] out) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && image.getRaster().getParent() == null) {
            byte[] bytes = buffer.getData();
            int stride = image.getWidth() * 3;
            for (int row = 0; row < rows; row++) {
                int at = (y + row) * stride + x * 3;
                for (int i = 0; i < width; i++, at += 3) {
                    out[row * width + i] = (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 1] & 0xFF) << 8 | bytes[at] & 0xFF;
                }
            }
        } else if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && image.getRaster().getParent() == null) {
            for (int row = 0; row < rows; row++) {
                System.arraycopy(buffer.getData(), (y + row) * image.getWidth() + x, out, row * width, width);
            }
        } else {
            image.getRGB(x, y, width, rows, out, 0, width);
        }
    }

    /**
     * Converts planes to an RGB picture.
     *
     * @param image grey, YCbCr or RGB planes of any sampling
     * @return a {@code TYPE_INT_RGB} picture of the same size
     */
    public static BufferedImage toRgb(PlanarImage image) {
        int width = image.width();
        int height = image.height();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Plane[] planes = image.planes();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = sample(planes[0], x, y, width, height);
                if (planes.length == 1) {
                    row[x] = a << 16 | a << 8 | a;
                    continue;
                }
                int b = sample(planes[1], x, y, width, height);
                int c = sample(planes[2], x, y, width, height);
                row[x] = image.colourSpace() == ColourSpace.RGB ? a << 16 | b << 8 | c : rgb(a, b - 128, c - 128);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int rgb(int luma, int cb, int cr) {
        int red = Math.clamp(luma + ((91881 * cr + HALF) >> BITS), 0, 255);
        int green = Math.clamp(luma - ((22554 * cb + 46802 * cr - HALF) >> BITS), 0, 255);
        int blue = Math.clamp(luma + ((116130 * cb + HALF) >> BITS), 0, 255);
        return red << 16 | green << 8 | blue;
    }

    /** The sample of a plane that covers a pixel, whatever the plane's resolution. */
    private static int sample(Plane plane, int x, int y, int width, int height) {
        return plane.get(Math.min(plane.width() - 1, x * plane.width() / width),
                Math.min(plane.height() - 1, y * plane.height() / height));
    }
}

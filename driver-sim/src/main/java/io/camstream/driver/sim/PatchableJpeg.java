package io.camstream.driver.sim;

import io.camstream.core.image.JpegEncoder;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JPEG of a picture in which only a band of rows changes from frame to frame. Encoding a whole 1280×720 frame
 * with ImageIO costs about 14 ms here, over a third of a core at 30 fps; so the picture is coded with a restart
 * marker after every row of MCUs, which makes each MCU row's data independent of the others (the DC predictors
 * restart and the data ends on a byte boundary). A frame then re-encodes only the MCU rows of the band and splices
 * them between the bytes of the unchanged rows, kept from the first encoding.
 * <p>
 * Not thread-safe, like the {@link JpegEncoder} it holds.
 */
final class PatchableJpeg implements AutoCloseable {

    /** The height of an MCU row with the 4:2:0 chroma subsampling of {@link JpegEncoder}. */
    static final int MCU_ROW = 16;

    private static final int MARKER = 0xFF;
    private static final int SOS = 0xDA;
    private static final int RST0 = 0xD0;
    private static final int EOI = 0xD9;

    private final JpegEncoder encoder;
    private final int width;
    private final int height;
    private final byte[] header;
    private final byte[][] rows;

    /**
     * Encodes the picture as it stands; its pixels outside the bands later passed to {@link #withBand} must not
     * change afterwards.
     *
     * @param picture an opaque picture
     * @param quality JPEG quality, 1 to 100
     */
    PatchableJpeg(BufferedImage picture, int quality) {
        this.width = picture.getWidth();
        this.height = picture.getHeight();
        this.encoder = new JpegEncoder(quality, Math.ceilDiv(width, MCU_ROW));
        byte[] jpeg = encoder.encode(picture);
        int scan = scanStart(jpeg);
        this.header = Arrays.copyOf(jpeg, scan);
        this.rows = intervals(jpeg, scan, Math.ceilDiv(height, MCU_ROW));
    }

    /**
     * The JPEG of the picture as it is now, where only rows {@code top} to {@code bottom} (exclusive) may have
     * changed since the first encoding.
     *
     * @param picture the picture
     * @param top     the first row that may have changed
     * @param bottom  the row after the last that may have changed
     * @return a complete JPEG
     */
    byte[] withBand(BufferedImage picture, int top, int bottom) {
        int first = Math.max(0, top / MCU_ROW);
        int end = Math.min(rows.length, Math.ceilDiv(bottom, MCU_ROW));
        int bandTop = first * MCU_ROW;
        byte[] band = encoder.encode(picture,
                new Rectangle(0, bandTop, width, Math.min(height, end * MCU_ROW) - bandTop));
        byte[][] fresh = intervals(band, scanStart(band), end - first);

        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + rows.length * 256);
        out.writeBytes(header);
        for (int row = 0; row < rows.length; row++) {
            if (row > 0) {
                out.write(MARKER);
                out.write(RST0 + (row - 1) % 8);
            }
            out.writeBytes(row >= first && row < end ? fresh[row - first] : rows[row]);
        }
        out.write(MARKER);
        out.write(EOI);
        return out.toByteArray();
    }

    @Override
    public void close() {
        encoder.close();
    }

    /** The offset just past the start-of-scan header, where the entropy-coded data begins. */
    private static int scanStart(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
            if (marker == SOS) {
                return i + 2 + length;
            }
            i += 2 + length;
        }
        throw new IllegalStateException("the JPEG writer produced no start of scan");
    }

    /** Splits the entropy-coded data at its restart markers; FF 00 is a stuffed data byte, not a marker. */
    private static byte[][] intervals(byte[] jpeg, int from, int expected) {
        List<byte[]> parts = new ArrayList<>(expected);
        int start = from;
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) != MARKER || jpeg[i + 1] == 0) {
                continue;
            }
            parts.add(Arrays.copyOfRange(jpeg, start, i));
            if ((jpeg[i + 1] & 0xFF) == EOI) {
                break;
            }
            start = i + 2;
            i++;
        }
        if (parts.size() != expected) {
            throw new IllegalStateException("expected " + expected + " restart intervals in the JPEG, found "
                    + parts.size());
        }
        return parts.toArray(byte[][]::new);
    }
}

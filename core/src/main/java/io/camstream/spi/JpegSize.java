package io.camstream.spi;

/**
 * The pixel size of a JPEG, read from its start-of-frame header without decoding the picture.
 *
 * @param width  width in pixels
 * @param height height in pixels
 */
public record JpegSize(int width, int height) {

    /**
     * Reads the size from the first start-of-frame marker (SOF0 to SOF15, except DHT, JPG and DAC).
     *
     * @param jpeg JPEG bytes starting with SOI
     * @return the size
     * @throws IllegalArgumentException when the bytes do not start with SOI or hold no frame header before the scan
     */
    public static JpegSize read(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG: it does not start with the SOI marker FF D8");
        }
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("not a JPEG: expected a marker at byte " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte before a marker
                continue;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (isStartOfFrame(marker)) {
                if (i + 9 > jpeg.length) {
                    break;
                }
                int height = ((jpeg[i + 5] & 0xFF) << 8) | (jpeg[i + 6] & 0xFF);
                int width = ((jpeg[i + 7] & 0xFF) << 8) | (jpeg[i + 8] & 0xFF);
                if (width == 0 || height == 0) {
                    throw new IllegalArgumentException("JPEG frame header gives an empty size " + width + "x" + height);
                }
                return new JpegSize(width, height);
            }
            if (marker == 0xDA) {
                break;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("not a JPEG: no frame header (SOF) before the image data");
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}

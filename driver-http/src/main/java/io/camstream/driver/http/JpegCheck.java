package io.camstream.driver.http;

import io.camstream.spi.Frame;

import java.time.Instant;
import java.util.Arrays;

/**
 * What reaches viewers must be a whole JPEG: it starts with SOI, ends with EOI and has a frame header. Line breaks
 * or padding after the EOI, which some cameras count in Content-Length, are dropped.
 */
final class JpegCheck {

    private JpegCheck() {
    }

    /**
     * Makes a frame of bytes that must be one JPEG.
     *
     * @param bytes       the bytes received
     * @param sequence    the frame's number
     * @param captureTime when it was taken
     * @return the frame
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a complete JPEG
     */
    static Frame frame(byte[] bytes, long sequence, Instant captureTime) {
        int length = bytes.length;
        while (length > 0 && isPadding(bytes[length - 1])) {
            length--;
        }
        if (length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG (" + bytes.length + " bytes that do not start with FF D8)");
        }
        if ((bytes[length - 2] & 0xFF) != 0xFF || (bytes[length - 1] & 0xFF) != 0xD9) {
            throw new IllegalArgumentException("an incomplete JPEG (" + bytes.length
                    + " bytes that do not end with FF D9)");
        }
        byte[] jpeg = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        return Frame.of(jpeg, sequence, captureTime);
    }

    private static boolean isPadding(byte b) {
        return b == '\r' || b == '\n' || b == ' ' || b == 0;
    }
}

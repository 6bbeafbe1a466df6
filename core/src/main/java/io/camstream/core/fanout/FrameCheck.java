package io.camstream.core.fanout;

import io.camstream.spi.Frame;

import java.util.Optional;

/**
 * The checks every frame passes before viewers see it, whatever the driver: a JPEG starts with SOI ({@code FF D8}),
 * ends with EOI ({@code FF D9}) and is not larger than the camera's {@code max-frame-bytes}. A truncated picture
 * would show as a grey or torn image in browsers, and an endless one would be copied to every viewer.
 */
final class FrameCheck {

    private FrameCheck() {
    }

    /**
     * Why a frame may not be shown.
     *
     * @param frame    the frame from the driver
     * @param maxBytes the largest accepted JPEG
     * @return the reason, or empty when the frame is fine
     */
    static Optional<String> problem(Frame frame, int maxBytes) {
        byte[] jpeg = frame.jpeg();
        if (jpeg.length > maxBytes) {
            return Optional.of("frame of " + jpeg.length + " bytes exceeds max-frame-bytes " + maxBytes);
        }
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return Optional.of("frame is not a JPEG (no SOI marker FF D8 at its start)");
        }
        if ((jpeg[jpeg.length - 2] & 0xFF) != 0xFF || (jpeg[jpeg.length - 1] & 0xFF) != 0xD9) {
            return Optional.of("frame is truncated (no EOI marker FF D9 at its end)");
        }
        return Optional.empty();
    }
}

package io.camstream.recording.detection;

import io.camstream.core.jpeg.JpegDecoder;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.PlanarEncoder;

/**
 * Small pictures of events for the camera page: {@link #WIDTH} wide, made from the event's peak frame by a reduced
 * decode (a quarter of a 1280-pixel frame) and camstream's own encoder.
 */
final class Thumbnails {

    static final int WIDTH = 320;
    private static final int QUALITY = 75;

    private Thumbnails() {
    }

    /** @return the thumbnail, or an empty array when the frame cannot be decoded */
    static byte[] of(byte[] jpeg, int frameWidth) {
        try {
            return PlanarEncoder.encode(JpegDecoder.decode(jpeg, Math.min(WIDTH, frameWidth), JpegLimits.DEFAULT),
                    QUALITY, 0);
        } catch (IllegalArgumentException e) {
            // not a JPEG the decoder reads (JpegException), or one in RGB
            return new byte[0];
        }
    }
}

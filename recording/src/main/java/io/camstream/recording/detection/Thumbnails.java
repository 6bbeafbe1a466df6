package io.camstream.recording.detection;

import io.camstream.core.image.JpegEncoder;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Small pictures of events for the camera page: {@link #WIDTH} wide, made from the event's peak frame. */
final class Thumbnails {

    static final int WIDTH = 320;

    private Thumbnails() {
    }

    /** @return the thumbnail, or an empty array when the frame cannot be decoded */
    static byte[] of(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (image == null) {
                return new byte[0];
            }
            int w = Math.min(WIDTH, image.getWidth());
            int h = Math.max(1, Math.round((float) image.getHeight() * w / image.getWidth()));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            try (JpegEncoder encoder = new JpegEncoder(75)) {
                return encoder.encode(small);
            }
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }
}

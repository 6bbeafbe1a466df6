package io.camstream.recording.detection;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decodes a JPEG to a small luminance picture for detection.
 */
final class Luminance {

    /** @param samples row after row, {@code width} per row */
    record Picture(byte[] samples, int width, int height) {
    }

    private Luminance() {
    }

    static Picture decode(byte[] jpeg, int width) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not a JPEG");
        }
        int w = Math.min(width, image.getWidth());
        int h = Math.max(1, Math.round((float) image.getHeight() * w / image.getWidth()));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        byte[] samples = new byte[w * h];
        small.getRaster().getDataElements(0, 0, w, h, samples);
        return new Picture(samples, w, h);
    }
}

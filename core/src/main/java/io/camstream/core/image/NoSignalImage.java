package io.camstream.core.image;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The picture viewers see while a camera has no signal.
 */
public final class NoSignalImage {

    private NoSignalImage() {
    }

    /**
     * Renders the picture.
     *
     * @param camera the camera's name
     * @param reason why there is no signal
     * @param time   the time to show
     * @param width  width in pixels
     * @param height height in pixels
     * @return JPEG bytes
     */
    public static byte[] render(String camera, String reason, Instant time, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("NO SIGNAL " + camera + " " + reason + " " + time, 10, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

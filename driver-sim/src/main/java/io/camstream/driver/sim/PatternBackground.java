package io.camstream.driver.sim;

import io.camstream.core.image.PixelFont;
import io.camstream.core.image.Pixels;

import java.awt.image.BufferedImage;

/**
 * The parts of the test pattern that never change: colour bars, a grey ramp, the camera's name, the settings, and
 * the empty live panel. Drawn once per camera.
 */
final class PatternBackground {

    /** SMPTE-style bars at 75 %: grey, yellow, cyan, green, magenta, red, blue. */
    private static final int[] BARS = {0xBFBFBF, 0xBFBF00, 0x00BFBF, 0x00BF00, 0xBF00BF, 0xBF0000, 0x0000BF};
    private static final int RAMP_STEPS = 8;
    private static final int PANEL = 0x000000;
    private static final int TRACK = 0x404040;
    private static final int LABEL = 0xFFFFFF;

    private PatternBackground() {
    }

    /**
     * Draws the background.
     *
     * @param camera   the camera's name
     * @param settings the camera's settings
     * @param layout   where the parts go
     * @return a new {@code TYPE_3BYTE_BGR} picture of the configured size
     */
    static BufferedImage draw(String camera, SimSettings settings, PatternLayout layout) {
        int width = settings.width();
        int height = settings.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        int barsBottom = height * 2 / 3;
        int rampBottom = height * 5 / 6;
        for (int i = 0; i < BARS.length; i++) {
            stripe(image, i, BARS.length, 0, barsBottom, BARS[i]);
        }
        for (int i = 0; i < RAMP_STEPS; i++) {
            stripe(image, i, RAMP_STEPS, barsBottom, rampBottom, 0x010101 * (255 * i / (RAMP_STEPS - 1)));
        }
        Pixels.fillRect(image, 0, rampBottom, width, height - rampBottom, 0x101010);

        PixelFont font = layout.labelFont();
        int margin = 2 * font.scale();
        font.drawBoxed(image, camera, margin, margin, LABEL, PANEL);
        String info = width + "x" + height + " " + settings.fps() + " FPS Q" + settings.quality() + " SIM";
        font.drawBoxed(image, info, margin, height - margin - font.height(), LABEL, PANEL);

        PatternLayout.Area live = layout.live();
        PatternLayout.Area track = layout.track();
        Pixels.fillRect(image, live.x(), live.y(), live.width(), live.height(), PANEL);
        Pixels.fillRect(image, track.x(), track.y(), track.width(), track.height(), TRACK);
        return image;
    }

    /** Fills the i-th of n equal vertical stripes between two rows. */
    private static void stripe(BufferedImage image, int i, int n, int top, int bottom, int rgb) {
        int left = image.getWidth() * i / n;
        int right = image.getWidth() * (i + 1) / n;
        Pixels.fillRect(image, left, top, right - left, bottom - top, rgb);
    }
}

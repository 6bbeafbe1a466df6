package io.camstream.core.image;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The picture viewers see while a camera has no signal, in the spirit of µStreamer's {@code < NO LIVE VIDEO >}:
 * a dark screen with a large "NO SIGNAL", the camera's name, the reason and the time, all scaled to the picture.
 * Drawn with {@link PixelFont}, so it needs no system fonts.
 */
public final class NoSignalImage {

    private static final String TITLE = "NO SIGNAL";
    private static final int BACKGROUND = 0x14181E;
    private static final int TITLE_COLOUR = 0xF0F0F0;
    private static final int NAME_COLOUR = 0x7FBFFF;
    private static final int REASON_COLOUR = 0xFFC060;
    private static final int TIME_COLOUR = 0xA0A0A0;
    private static final int MAX_REASON_LINES = 4;
    private static final int QUALITY = 80;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NoSignalImage() {
    }

    /**
     * Renders the picture.
     *
     * @param camera the camera's name
     * @param reason why there is no signal; wrapped, and cut short when it does not fit
     * @param time   the time to show, in the server's time zone
     * @param width  width in pixels
     * @param height height in pixels
     * @return JPEG bytes
     */
    public static byte[] render(String camera, String reason, Instant time, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Pixels.fillRect(image, 0, 0, width, height, BACKGROUND);
        drawText(image, camera, reason, time.atZone(ZoneId.systemDefault()).format(TIME));
        try (JpegEncoder encoder = new JpegEncoder(QUALITY)) {
            return encoder.encode(image);
        }
    }

    private static void drawText(BufferedImage image, String camera, String reason, String time) {
        int width = image.getWidth();
        int height = image.getHeight();
        int margin = width / 20;
        PixelFont small = new PixelFont(Math.max(1, Math.min(width / 256, height / 144)));
        PixelFont large = new PixelFont(Math.max(small.scale(),
                Math.min((width - 2 * margin) / new PixelFont(1).width(TITLE), height / 42)));
        int line = small.height() + 3 * small.scale();
        int titleBlock = large.height() + large.height() / 2;
        int columns = Math.max(1, small.fittingCharacters(width - 2 * margin));
        int reasonRoom = (height - 2 * margin - titleBlock - 2 * line - line / 2) / line;
        List<String> name = TextWrap.wrap(camera, columns, 1);
        List<String> reasons = TextWrap.wrap(reason, columns, Math.clamp(reasonRoom, 1, MAX_REASON_LINES));

        int y = (height - titleBlock - line * (name.size() + reasons.size() + 1) - line / 2) / 2;
        centred(image, large, TITLE, y, TITLE_COLOUR);
        y += titleBlock;
        for (String text : name) {
            centred(image, small, text, y, NAME_COLOUR);
            y += line;
        }
        for (String text : reasons) {
            centred(image, small, text, y, REASON_COLOUR);
            y += line;
        }
        centred(image, small, time, y + line / 2, TIME_COLOUR);
    }

    private static void centred(BufferedImage image, PixelFont font, String text, int y, int rgb) {
        font.draw(image, text, (image.getWidth() - font.width(text)) / 2, y, rgb);
    }
}

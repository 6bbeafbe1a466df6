package io.camstream.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class NoSignalImageTest {

    private static final Instant TIME = Instant.parse("2026-11-25T11:29:03Z");

    @ParameterizedTest
    @CsvSource({"160, 120", "320, 240", "640, 480", "1280, 720", "1920, 1080", "3840, 2160", "200, 700", "16, 16"})
    void decodesAtTheRequestedSize(int width, int height) throws IOException {
        BufferedImage picture = decode(NoSignalImage.render("porch", "device busy", TIME, width, height));

        assertThat(picture.getWidth()).isEqualTo(width);
        assertThat(picture.getHeight()).isEqualTo(height);
    }

    @ParameterizedTest
    @CsvSource({"160, 120", "640, 480", "3840, 2160"})
    void showsBrightTextOnADarkBackgroundInTheCentre(int width, int height) throws IOException {
        BufferedImage picture = decode(NoSignalImage.render("porch", "device busy", TIME, width, height));

        int[] centre = picture.getRGB(width / 4, height / 4, width / 2, height / 2, null, 0, width / 2);
        assertThat(Arrays.stream(centre).map(NoSignalImageTest::luma))
                .anyMatch(luma -> luma > 180)
                .anyMatch(luma -> luma < 40);
    }

    @Test
    void aLongReasonIsCutToFit() throws IOException {
        String reason = "rpicam-vid exited with code 255: ".repeat(500) + "\u2603 unknown glyphs";

        BufferedImage picture = decode(NoSignalImage.render("a camera with a very long name indeed".repeat(10),
                reason, TIME, 160, 120));

        assertThat(picture.getWidth()).isEqualTo(160);
    }

    @Test
    void anEmptyReasonAndNameAreFine() throws IOException {
        assertThat(decode(NoSignalImage.render("", "", TIME, 320, 240)).getHeight()).isEqualTo(240);
    }

    private static int luma(int rgb) {
        return (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}

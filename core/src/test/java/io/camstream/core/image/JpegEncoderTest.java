package io.camstream.core.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpegEncoderTest {

    @Test
    void encodesAJpegOfThePictureSize() throws IOException {
        try (JpegEncoder encoder = new JpegEncoder(80)) {
            BufferedImage decoded = decode(encoder.encode(noise(320, 200)));

            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(200);
        }
    }

    @Test
    void higherQualityGivesMoreBytes() {
        BufferedImage picture = noise(160, 120);
        try (JpegEncoder low = new JpegEncoder(10); JpegEncoder high = new JpegEncoder(95)) {
            assertThat(high.encode(picture).length).isGreaterThan(low.encode(picture).length);
        }
    }

    @Test
    void encodesARegionAsAPictureOfItsOwn() throws IOException {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
        Pixels.fillRect(picture, 0, 32, 64, 32, 0x0000FF);
        try (JpegEncoder encoder = new JpegEncoder(90)) {
            BufferedImage decoded = decode(encoder.encode(picture, new Rectangle(16, 32, 48, 16)));

            assertThat(decoded.getWidth()).isEqualTo(48);
            assertThat(decoded.getHeight()).isEqualTo(16);
            assertThat(decoded.getRGB(24, 8) & 0xFF).isGreaterThan(200);
        }
    }

    @Test
    void restartIntervalPutsAMarkerBetweenIntervals() throws IOException {
        try (JpegEncoder encoder = new JpegEncoder(80, 4)) {
            byte[] jpeg = encoder.encode(noise(64, 48));

            assertThat(markers(jpeg, 0xDD, 0xDD)).as("DRI").isEqualTo(1);
            assertThat(markers(jpeg, 0xD0, 0xD7)).as("RST, 12 MCUs of 16x16 in intervals of 4").isEqualTo(2);
            assertThat(decode(jpeg).getWidth()).isEqualTo(64);
        }
    }

    @Test
    void oneEncoderServesManyPictures() throws IOException {
        try (JpegEncoder encoder = new JpegEncoder(75)) {
            for (int size = 16; size <= 256; size += 48) {
                assertThat(decode(encoder.encode(noise(size, size / 2 + 1))).getHeight()).isEqualTo(size / 2 + 1);
            }
        }
    }

    @Test
    void qualityOutOfRangeIsRejected() {
        assertThatThrownBy(() -> new JpegEncoder(0)).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> new JpegEncoder(101)).hasMessageContaining("1 to 100");
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    /** Counts markers FF xx with xx in a range; entropy-coded FF bytes are followed by 00 and never match. */
    private static int markers(byte[] jpeg, int first, int last) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            int next = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && next >= first && next <= last) {
                n++;
            }
        }
        return n;
    }
}

package io.camstream.driver.sim;

import io.camstream.core.image.JpegEncoder;
import io.camstream.core.image.PixelFont;
import io.camstream.core.image.Pixels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PatchableJpegTest {

    @ParameterizedTest
    @CsvSource({
            "160, 120, 40, 80",
            "100, 50, 0, 5",
            "100, 50, 40, 50",
            "333, 77, 17, 33",
            "16, 16, 0, 16"})
    void aSplicedFrameIsTheFullEncodingOfThePicture(int width, int height, int top, int bottom) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Pixels.fillRect(picture, 0, 0, width / 2, height, 0x3060C0);
        try (PatchableJpeg patchable = new PatchableJpeg(picture, 80);
             JpegEncoder whole = new JpegEncoder(80, Math.ceilDiv(width, PatchableJpeg.MCU_ROW))) {
            Pixels.fillRect(picture, 0, top, width, bottom - top, 0x000000);
            new PixelFont(1).draw(picture, "12:34", 1, top, 0xFFFFFF);

            byte[] spliced = patchable.withBand(picture, top, bottom);

            assertThat(spliced).isEqualTo(whole.encode(picture));
            assertThat(ImageIO.read(new ByteArrayInputStream(spliced)).getHeight()).isEqualTo(height);
        }
    }
}

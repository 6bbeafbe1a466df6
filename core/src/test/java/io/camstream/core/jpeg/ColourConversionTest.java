package io.camstream.core.jpeg;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ColourConversionTest {

    @Test
    void flatColoursSurviveTheRoundTrip() {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x808080, 0x336699};
        for (int type : new int[]{BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            for (int colour : colours) {
                BufferedImage image = new BufferedImage(5, 3, type);
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 5; x++) {
                        image.setRGB(x, y, 0xFF000000 | colour);
                    }
                }
                PlanarImage planes = ColourConversion.toYCbCr420(image, null);
                assertThat(planes.planes()[1].width()).isEqualTo(3);
                int back = ColourConversion.toRgb(planes).getRGB(4, 2) & 0xFFFFFF;
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat(Math.abs((back >> shift & 0xFF) - (colour >> shift & 0xFF)))
                            .as("%06x as %06x in type %d", colour, back, type).isLessThanOrEqualTo(2);
                }
            }
        }
    }
}

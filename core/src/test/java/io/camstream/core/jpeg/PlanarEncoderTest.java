package io.camstream.core.jpeg;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What we encode, ffmpeg, djpeg and ImageIO decode; the tables are the IJG ones. */
class PlanarEncoderTest {

    @BeforeAll
    static void judges() {
        Programs.require("cjpeg", "djpeg", "ffmpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x2", "2x1", "1x1"})
    void othersDecodeWhatWeEncode(String sampling) throws IOException {
        byte[] source = Pictures.cjpeg(321, 241, 5, "-sample", sampling, "-quality", "95");
        PlanarImage image = JpegDecoder.decode(source, Scale.FULL, JpegLimits.DEFAULT);
        byte[] ours = PlanarEncoder.encode(image, 90, 5);
        assertThat(JpegTransformerTest.ffmpegSize(ours)).isEqualTo("321x241");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ours));
        assertThat(decoded.getWidth()).isEqualTo(321);
        Plane back = Pnm.pgm(Programs.run(ours, "djpeg", "-grayscale", "-pnm"));
        byte[] cjpeg = Programs.run(Pnm.toPgm(image.luma()), "cjpeg", "-quality", "90");
        Plane cjpegBack = Pnm.pgm(Programs.run(cjpeg, "djpeg", "-pnm"));
        assertThat(Pnm.psnr(back, image.luma())).isGreaterThan(Pnm.psnr(cjpegBack, image.luma()) - 0.5);
    }

    @Test
    void qualityScalesTheTablesAsCjpegDoes() {
        PlanarImage image = JpegDecoder.decode(Pictures.cjpeg(64, 64, 1), Scale.FULL, JpegLimits.DEFAULT);
        for (int quality : new int[]{1, 10, 50, 75, 100}) {
            byte[] ours = PlanarEncoder.encode(image, quality, 0);
            byte[] cjpeg = Pictures.cjpeg(64, 64, 1, "-quality", Integer.toString(quality), "-baseline");
            assertThat(JpegReader.readHeaders(ours, JpegLimits.DEFAULT).quantTables())
                    .as("quality %d", quality)
                    .isEqualTo(JpegReader.readHeaders(cjpeg, JpegLimits.DEFAULT).quantTables());
        }
    }

    @Test
    void coefficientsWithoutHuffmanTablesAreCodedWithOptimalOnes() {
        byte[] jpeg = Pictures.cjpeg(120, 80, 2, "-sample", "2x2");
        CoefficientImage read = CoefficientImage.read(jpeg, JpegLimits.DEFAULT);
        JpegHeaders bare = new JpegHeaders(read.frame(), read.headers().quantTables(), null, null, 0,
                ColourSpace.YCBCR, List.of());
        CoefficientImage coefficients = new CoefficientImage(bare, new short[][]{read.storedPlane(0),
                read.storedPlane(1), read.storedPlane(2)}, new long[][]{read.storedNonZero(0),
                read.storedNonZero(1), read.storedNonZero(2)});
        byte[] written = JpegWriter.write(coefficients, HuffmanChoice.ORIGINAL_IF_COMPLETE, 0, List.of());
        assertThat(Programs.run(written, "djpeg", "-pnm")).isEqualTo(Programs.run(jpeg, "djpeg", "-pnm"));
        assertThat(written.length).isLessThan(jpeg.length);
    }

    @Test
    void lowerQualityIsSmaller() {
        PlanarImage image = JpegDecoder.decode(Pictures.cjpeg(320, 240, 3), Scale.FULL, JpegLimits.DEFAULT);
        assertThat(PlanarEncoder.encode(image, 20, 0).length).isLessThan(PlanarEncoder.encode(image, 90, 0).length / 2);
    }

    @Test
    void standardHuffmanTablesAreThoseCjpegWritesWithoutOptimising() {
        JpegHeaders cjpeg = JpegReader.readHeaders(Pictures.cjpeg(64, 64, 1, "-sample", "2x2"), JpegLimits.DEFAULT);
        assertThat(cjpeg.dcTables()).containsExactly(StandardTables.LUMINANCE_DC, StandardTables.CHROMINANCE_DC,
                StandardTables.CHROMINANCE_DC);
        assertThat(cjpeg.acTables()).containsExactly(StandardTables.LUMINANCE_AC, StandardTables.CHROMINANCE_AC,
                StandardTables.CHROMINANCE_AC);
    }
}

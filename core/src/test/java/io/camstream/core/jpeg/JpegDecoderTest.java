package io.camstream.core.jpeg;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Our decoder against djpeg: full size almost to the sample, reduced sizes within a PSNR bound. */
class JpegDecoderTest {

    @BeforeAll
    static void judges() {
        Programs.require("cjpeg", "djpeg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-sample 2x2", "-sample 2x1", "-sample 1x1 -restart 2", "-sample 1x2", "-grayscale",
            "-sample 2x2 -restart 1B -optimize"})
    void fullDecodeMatchesDjpeg(String options) {
        byte[] jpeg = Pictures.cjpeg(333, 197, 7, options.split(" "));
        Plane ours = JpegDecoder.decode(jpeg, Scale.FULL, JpegLimits.DEFAULT).luma();
        Plane theirs = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-dct", "int", "-pnm"));
        assertThat(Pnm.maxDifference(ours, theirs)).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 2, 1})
    void reducedDecodeIsCloseToTheFullDecodeShrunk(int blockSize) {
        byte[] jpeg = Pictures.cjpeg(640, 480, 11, "-sample", "2x2", "-quality", "85");
        Scale scale = switch (blockSize) {
            case 4 -> Scale.HALF;
            case 2 -> Scale.QUARTER;
            default -> Scale.EIGHTH;
        };
        Plane reduced = JpegDecoder.decode(jpeg, scale, JpegLimits.DEFAULT).luma();
        Plane full = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-pnm"));
        Plane shrunk = Resampler.resize(full, reduced.width(), reduced.height());
        assertThat(reduced.width()).isEqualTo(640 * blockSize / 8);
        assertThat(Pnm.psnr(reduced, shrunk)).isGreaterThan(30);
        Plane djpegReduced = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-scale", blockSize + "/8", "-pnm"));
        assertThat(Pnm.psnr(reduced, djpegReduced)).isGreaterThan(blockSize == 1 ? 50 : 32);
    }

    @Test
    void luminanceAtAnExactWidth() {
        byte[] jpeg = Pictures.cjpeg(1920, 1080, 3, "-sample", "2x2");
        Plane luma = JpegDecoder.luminance(jpeg, 160, JpegLimits.DEFAULT);
        assertThat(luma.width()).isEqualTo(160);
        assertThat(luma.height()).isEqualTo(90);
        Plane full = Pnm.pgm(Programs.run(jpeg, "djpeg", "-grayscale", "-pnm"));
        assertThat(Pnm.psnr(luma, Resampler.resize(full, 160, 90))).isGreaterThan(30);
    }

    @Test
    void exactWidthKeepsTheSampling() {
        byte[] jpeg = Pictures.cjpeg(1280, 720, 5, "-sample", "2x2");
        PlanarImage small = JpegDecoder.decode(jpeg, 320, JpegLimits.DEFAULT);
        assertThat(small.width()).isEqualTo(320);
        assertThat(small.height()).isEqualTo(180);
        assertThat(small.planes()[1].width()).isEqualTo(160);
        assertThat(small.planes()[1].height()).isEqualTo(90);
        assertThat(small.frame().sampling()).isEqualTo("4:2:0");
    }
}

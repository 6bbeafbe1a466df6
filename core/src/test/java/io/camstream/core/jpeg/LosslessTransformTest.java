package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Our lossless transforms against jpegtran -perfect: both outputs must decode (djpeg) to the same pixels. */
class LosslessTransformTest {

    @BeforeAll
    static void judges() {
        Programs.require("cjpeg", "djpeg", "jpegtran", "ffmpeg");
    }

    static Stream<Arguments> cases() {
        String[][] inputs = {
                {"1280", "720", "-sample", "2x2"},
                {"640", "480", "-sample", "2x1"},
                {"320", "240", "-sample", "1x1", "-restart", "3B"},
                {"256", "128", "-sample", "1x2", "-optimize"},
                {"160", "96", "-grayscale", "-restart", "1"},
                {"96", "64", "-sample", "2x2", "-restart", "2"},
        };
        List<Arguments> cases = new ArrayList<>();
        for (String[] input : inputs) {
            for (Orientation o : Orientation.values()) {
                cases.add(Arguments.of(input, o));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("cases")
    void turnsExactlyAsJpegtranDoes(String[] input, Orientation orientation) {
        int width = Integer.parseInt(input[0]);
        int height = Integer.parseInt(input[1]);
        String[] options = java.util.Arrays.copyOfRange(input, 2, input.length);
        byte[] jpeg = Pictures.cjpeg(width, height, width * 31L + height, options);
        CoefficientImage source = CoefficientImage.read(jpeg, JpegLimits.DEFAULT);
        assertThat(LosslessTransform.isLossless(source.frame(), orientation)).isTrue();
        CoefficientImage turned = LosslessTransform.apply(source, orientation);
        byte[] ours = JpegWriter.write(turned, HuffmanChoice.ORIGINAL_IF_COMPLETE,
                source.headers().restartInterval(), List.of());
        byte[] theirs = Programs.run(jpeg, jpegtran(orientation));
        assertThat(Programs.run(ours, "djpeg", "-pnm")).isEqualTo(Programs.run(theirs, "djpeg", "-pnm"));
    }

    @Test
    void ffmpegDecodesWhatWeTurn() {
        for (String sampling : new String[]{"2x2", "2x1", "1x1"}) {
            byte[] jpeg = Pictures.cjpeg(176, 144, 3, "-sample", sampling, "-restart", "1");
            CoefficientImage turned = LosslessTransform.apply(CoefficientImage.read(jpeg, JpegLimits.DEFAULT),
                    Orientation.ROTATE_90);
            byte[] ours = JpegWriter.write(turned, HuffmanChoice.OPTIMAL, 3, List.of());
            assertThat(JpegTransformerTest.ffmpegSize(ours)).as(sampling).isEqualTo("144x176");
        }
    }

    static String[] jpegtran(Orientation orientation) {
        List<String> command = new ArrayList<>(List.of("jpegtran", "-perfect"));
        command.addAll(switch (orientation) {
            case NONE -> List.of();
            case FLIP_HORIZONTAL -> List.of("-flip", "horizontal");
            case FLIP_VERTICAL -> List.of("-flip", "vertical");
            case ROTATE_90 -> List.of("-rotate", "90");
            case ROTATE_180 -> List.of("-rotate", "180");
            case ROTATE_270 -> List.of("-rotate", "270");
            case TRANSPOSE -> List.of("-transpose");
            case TRANSVERSE -> List.of("-transverse");
        });
        return command.toArray(String[]::new);
    }
}

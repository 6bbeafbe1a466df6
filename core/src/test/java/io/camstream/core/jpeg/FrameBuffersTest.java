package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buffers kept from frame to frame give exactly what fresh arrays give, whatever came before: frames of another
 * size, another sampling, grey, and scans of one component each, whose padding blocks are never coded and must not
 * keep the last frame's coefficients.
 */
class FrameBuffersTest {

    @TempDir
    static Path dir;
    private static List<byte[]> frames;

    @BeforeAll
    static void frames() throws IOException {
        Programs.require("cjpeg");
        Path scans = Files.writeString(dir.resolve("separate.scans"), "0;\n1;\n2;\n");
        frames = List.of(
                Pictures.cjpeg(640, 480, 1, "-sample", "2x2"),
                Pictures.cjpeg(640, 480, 2, "-sample", "2x2"),
                Pictures.cjpeg(632, 472, 3, "-sample", "2x2", "-scans", scans.toString()),
                Pictures.cjpeg(640, 480, 4, "-grayscale"),
                Pictures.cjpeg(1920, 1080, 5, "-sample", "2x2"),
                Pictures.cjpeg(641, 359, 6, "-sample", "2x1", "-restart", "2B"),
                Pictures.cjpeg(632, 472, 7, "-sample", "2x2", "-scans", scans.toString()),
                Pictures.cjpeg(640, 480, 8, "-sample", "2x2"));
    }

    @Test
    void turningInKeptBuffersGivesTheBytesOfTurningInFreshOnes() {
        for (Orientation orientation : List.of(Orientation.ROTATE_90, Orientation.ROTATE_180, Orientation.TRANSPOSE)) {
            JpegTransformer transformer = new JpegTransformer(orientation, JpegLimits.DEFAULT);
            FrameBuffers kept = new FrameBuffers();
            for (int i = 0; i < frames.size(); i++) {
                assertThat(transformer.transform(frames.get(i), kept).jpeg()).as("frame %d turned %s", i, orientation)
                        .isEqualTo(transformer.transform(frames.get(i)).jpeg());
            }
        }
    }

    @Test
    void shrinkingInKeptBuffersGivesTheBytesOfShrinkingInFreshOnes() {
        FrameBuffers kept = new FrameBuffers();
        for (int width : List.of(320, 160, 320)) {
            for (int i = 0; i < frames.size(); i++) {
                byte[] reused = PlanarEncoder.encode(JpegDecoder.decode(frames.get(i), width, JpegLimits.DEFAULT, kept),
                        60, 0, kept);
                byte[] fresh = PlanarEncoder.encode(JpegDecoder.decode(frames.get(i), width, JpegLimits.DEFAULT), 60, 0);
                assertThat(reused).as("frame %d at %d px", i, width).isEqualTo(fresh);
            }
        }
    }
}

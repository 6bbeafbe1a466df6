package io.camstream.driver.v4l2;

import io.camstream.core.jpeg.JpegDecoder;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.Plane;
import io.camstream.core.jpeg.Scale;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The ffmpeg command a camera's settings make. */
class FfmpegCommandTest {

    @Test
    void anMjpegCameraIsPassedThroughWithHuffmanTablesAdded() {
        assertThat(String.join(" ", FfmpegCommand.of(settings(Map.of()))))
                .isEqualTo("ffmpeg -hide_banner -nostdin -loglevel error -f v4l2 -input_format mjpeg"
                        + " -video_size 640x480 -framerate 30 -i /dev/video0 -an -c:v copy -bsf:v mjpeg2jpeg"
                        + " -flush_packets 1 -f mjpeg -");
    }

    @Test
    void aRawCameraIsEncodedAtTheQualityAsked() {
        assertThat(String.join(" ", FfmpegCommand.of(settings(Map.of("device", "/dev/video2",
                "input-format", "yuyv422", "width", "1280", "height", "720", "fps", "10", "quality", "100",
                "ffmpeg", "/opt/ffmpeg/bin/ffmpeg")))))
                .isEqualTo("/opt/ffmpeg/bin/ffmpeg -hide_banner -nostdin -loglevel error -f v4l2"
                        + " -input_format yuyv422 -video_size 1280x720 -framerate 10 -i /dev/video2 -an"
                        + " -c:v mjpeg -q:v 2 -flush_packets 1 -f mjpeg -");
    }

    @Test
    void theInputOverrideReplacesTheDeviceOptions() {
        assertThat(FfmpegCommand.of(settings(Map.of("input", "-re -f lavfi -i testsrc2=size=320x240:rate=25",
                "input-format", "rawvideo"))))
                .containsSubsequence("-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                        "-an", "-c:v", "mjpeg")
                .doesNotContain("v4l2", "/dev/video0");
    }

    @Test
    void aRawCameraIsTurnedByAnFfmpegFilterBeforeEncoding() {
        V4l2Settings settings = settings(Map.of("input-format", "yuyv422", "rotate", "90"));
        assertThat(String.join(" ", FfmpegCommand.of(settings)))
                .contains(" -an -vf transpose=clock -c:v mjpeg ");
        assertThat(settings.applied()).isEqualTo(Orientation.ROTATE_90);
        assertThat(new V4l2CameraProvider().expectedSize(config(Map.of("input-format", "yuyv422", "rotate", "90"))))
                .contains(new JpegSize(480, 640));
    }

    @Test
    void anMjpegCameraLeavesTurningToCamstreamSinceAFilterWouldReencode() {
        V4l2Settings settings = settings(Map.of("rotate", "90", "flip", "horizontal"));
        assertThat(FfmpegCommand.of(settings)).doesNotContain("-vf").contains("copy");
        assertThat(new V4l2CameraProvider().appliedOrientation(config(Map.of("rotate", "90")), Orientation.ROTATE_90))
                .isEqualTo(Orientation.NONE);
    }

    @Test
    void everyFilterTurnsThePictureAsItsOrientationSays() throws Exception {
        assumeTrue(System.getenv("CI") != null || ProgramOnPath.exists("ffmpeg"), "ffmpeg is not installed");
        byte[] plain = capture(Orientation.NONE);
        Plane source = JpegDecoder.decode(plain, Scale.FULL, JpegLimits.DEFAULT).luma();
        for (Orientation orientation : Orientation.values()) {
            Plane turned = JpegDecoder.decode(capture(orientation), Scale.FULL, JpegLimits.DEFAULT).luma();
            double squares = 0;
            for (int y = 0; y < turned.height(); y++) {
                for (int x = 0; x < turned.width(); x++) {
                    long at = orientation.sourceOf(x, y, source.width(), source.height());
                    int d = turned.get(x, y) - source.get((int) (at >>> 32), (int) at);
                    squares += d * d;
                }
            }
            double meanSquare = squares / (turned.width() * turned.height());
            assertThat(meanSquare).as("%s: mean squared difference", orientation).isLessThan(30);
        }
    }

    /** One frame of ffmpeg's test pattern through the command of a raw camera with this orientation. */
    private static byte[] capture(Orientation orientation) throws Exception {
        String[] keys = switch (orientation) {
            case NONE -> new String[]{"0", "none"};
            case FLIP_HORIZONTAL -> new String[]{"0", "horizontal"};
            case FLIP_VERTICAL -> new String[]{"0", "vertical"};
            case ROTATE_180 -> new String[]{"180", "none"};
            case ROTATE_90 -> new String[]{"90", "none"};
            case ROTATE_270 -> new String[]{"270", "none"};
            case TRANSPOSE -> new String[]{"90", "horizontal"};
            case TRANSVERSE -> new String[]{"90", "vertical"};
        };
        V4l2Settings settings = settings(Map.of("input", "-f lavfi -i testsrc2=size=96x64:rate=1 -frames:v 1",
                "input-format", "rawvideo", "quality", "100", "rotate", keys[0], "flip", keys[1]));
        Process ffmpeg = new ProcessBuilder(FfmpegCommand.of(settings)).redirectErrorStream(false).start();
        byte[] jpeg = ffmpeg.getInputStream().readAllBytes();
        assertThat(ffmpeg.waitFor()).isZero();
        return jpeg;
    }

    @Test
    void qualityMapsOntoFfmpegsScaleFromWorstToBest() {
        assertThat(FfmpegCommand.qscale(1)).isEqualTo(31);
        assertThat(FfmpegCommand.qscale(80)).isEqualTo(8);
        assertThat(FfmpegCommand.qscale(100)).isEqualTo(2);
    }

    @Test
    void aPixelFormatWithOddCharactersIsRefused() {
        assertThatThrownBy(() -> settings(Map.of("input-format", "yuyv422; rm")))
                .hasMessageContaining("camstream.cameras.0.input-format: 'yuyv422; rm' is not a pixel format name");
    }

    private static V4l2Settings settings(Map<String, String> values) {
        return V4l2Settings.from(config(values));
    }

    private static Config config(Map<String, String> values) {
        Map<String, String> full = new HashMap<>();
        values.forEach((key, value) -> full.put("camstream.cameras.0." + key, value));
        return Config.just(ConfigSources.create(full)).get("camstream.cameras.0");
    }
}

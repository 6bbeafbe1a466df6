package io.camstream.driver.v4l2;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        Map<String, String> full = new HashMap<>();
        values.forEach((key, value) -> full.put("camstream.cameras.0." + key, value));
        return V4l2Settings.from(Config.just(ConfigSources.create(full)).get("camstream.cameras.0"));
    }
}

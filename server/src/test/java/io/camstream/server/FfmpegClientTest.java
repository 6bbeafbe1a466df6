package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** ffmpeg, an independent MJPEG client, must decode the stream without a single error. */
class FfmpegClientTest {

    @Test
    void ffmpegDecodesThirtyFramesWithoutErrors() throws Exception {
        Tools.require("ffmpeg");
        try (RunningServer server = RunningServer.simCamera("default", 640, 480, 30)) {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                    "-i", server.uri("/video_feed").toString(), "-frames:v", "30", "-f", "null", "-")
                    .redirectErrorStream(true)
                    .start();
            assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
            String output = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(output).as("ffmpeg's errors").isEmpty();
            assertThat(ffmpeg.exitValue()).isZero();
        }
    }
}

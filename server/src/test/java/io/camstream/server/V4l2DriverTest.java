package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v4l2 driver runs the real ffmpeg pipeline; CI has no camera, so the input is overridden with ffmpeg's own
 * test source (or an MJPEG file, for the pass-through path). Each test uses a picture size of its own, which is how
 * it tells its ffmpeg from another test's.
 */
class V4l2DriverTest {

    @Test
    void aRawSourceIsEncodedIntoFramesOfItsSize() throws Exception {
        Tools.require("ffmpeg");
        try (RunningServer server = RunningServer.start(camera("testsrc2=size=320x240:rate=25", "yuyv422", ""));
             Viewer viewer = server.server().cameras().defaultCamera().attach()) {
            List<StreamFrame> frames = FeedFrames.live(viewer, 10);
            for (StreamFrame frame : frames) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.frame().jpeg()));
                assertThat(image.getWidth()).isEqualTo(320);
                assertThat(image.getHeight()).isEqualTo(240);
            }
            assertThat(frames.getLast().frame().jpeg()).isNotEqualTo(frames.getFirst().frame().jpeg());
        }
    }

    @Test
    void anMjpegSourceIsPassedThroughAsDecodableJpegs(@TempDir Path dir) throws Exception {
        Tools.require("ffmpeg");
        Path clip = dir.resolve("clip.mjpeg");
        Process encode = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                "-f", "lavfi", "-i", "testsrc2=size=208x160:rate=25", "-t", "2", "-c:v", "mjpeg", "-f", "mjpeg",
                clip.toString()).inheritIO().start();
        assertThat(encode.waitFor(30, TimeUnit.SECONDS) && encode.exitValue() == 0).as("clip made").isTrue();
        String yaml = """
                camstream:
                  cameras:
                    - name: default
                      driver: v4l2
                      input-format: mjpeg
                      input: -re -stream_loop -1 -f mjpeg -i %s
                """.formatted(clip);
        try (RunningServer server = RunningServer.start(yaml);
             Viewer viewer = server.server().cameras().defaultCamera().attach()) {
            for (StreamFrame frame : FeedFrames.live(viewer, 10)) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.frame().jpeg()));
                assertThat(image.getWidth()).isEqualTo(208);
                assertThat(image.getHeight()).isEqualTo(160);
            }
        }
    }

    @Test
    void ffmpegThatDiesIsReportedAndRestarted() throws Exception {
        Tools.require("ffmpeg");
        String source = "testsrc2=size=176x144:rate=25";
        try (RunningServer server = RunningServer.start(camera(source, "yuyv422", ""));
             Viewer viewer = server.server().cameras().defaultCamera().attach()) {
            FeedFrames.live(viewer, 3);
            ProcessHandle first = ffmpegOf(source);
            first.destroyForcibly();
            StreamFrame noSignal = FeedFrames.next(viewer, f -> !f.live());
            assertThat(noSignal.frame().width()).isEqualTo(176);
            assertThat(FeedFrames.next(viewer, StreamFrame::live).frame().width()).isEqualTo(176);
            assertThat(ffmpegOf(source).pid()).as("a new ffmpeg").isNotEqualTo(first.pid());
        }
    }

    @Test
    void ffmpegIsStoppedWhenTheLastViewerLeaves() throws Exception {
        Tools.require("ffmpeg");
        String source = "testsrc2=size=160x96:rate=25";
        try (RunningServer server = RunningServer.start(camera(source, "yuyv422", "      idle-timeout: 0s\n"))) {
            CameraFeed feed = server.server().cameras().defaultCamera();
            try (Viewer viewer = feed.attach()) {
                FeedFrames.live(viewer, 3);
                assertThat(ffmpegs(source)).hasSize(1);
            }
            Await.until("capture stops", Duration.ofSeconds(10), () -> !feed.capturing());
            Await.until("ffmpeg is gone", Duration.ofSeconds(10), () -> ffmpegs(source).isEmpty());
        }
    }

    private static String camera(String source, String inputFormat, String extraKeys) {
        return """
                camstream:
                  cameras:
                    - name: default
                      driver: v4l2
                      input-format: %s
                      input: -re -f lavfi -i %s
                """.formatted(inputFormat, source) + extraKeys;
    }

    private static ProcessHandle ffmpegOf(String source) throws InterruptedException {
        Await.until("an ffmpeg running " + source, Duration.ofSeconds(10), () -> ffmpegs(source).size() == 1);
        return ffmpegs(source).getFirst();
    }

    private static List<ProcessHandle> ffmpegs(String source) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(source)).orElse(false))
                .toList();
    }
}

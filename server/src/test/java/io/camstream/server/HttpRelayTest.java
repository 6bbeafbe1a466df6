package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** The http driver against real, independent sources: ffmpeg's multipart writer and another camstream. */
class HttpRelayTest {

    @Test
    void relaysFfmpegsMpjpegWriterIntoDecodableFrames() throws Exception {
        Tools.require("ffmpeg");
        int port = FreePort.pick();
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc2=size=640x480:rate=25", "-f", "mpjpeg",
                "-listen", "1", "http://127.0.0.1:" + port + "/")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        try {
            Await.until("ffmpeg listens on " + port, Duration.ofSeconds(20), () -> FreePort.listening(port));
            try (RunningServer edge = RunningServer.start(relay("http://127.0.0.1:" + port + "/", ""));
                 Viewer viewer = edge.server().cameras().defaultCamera().attach()) {
                List<StreamFrame> live = FeedFrames.live(viewer, 10);
                for (StreamFrame frame : live) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame.frame().jpeg()));
                    assertThat(image.getWidth()).isEqualTo(640);
                    assertThat(image.getHeight()).isEqualTo(480);
                }
                assertThat(live.getLast().frame().jpeg()).isNotEqualTo(live.getFirst().frame().jpeg());
            }
        } finally {
            ffmpeg.destroyForcibly().waitFor();
        }
    }

    @Test
    void relaysAnotherCamstreamAndHoldsItsStreamOnlyWhileWatched() throws Exception {
        try (RunningServer origin = RunningServer.simCamera("default", 320, 240, 30);
             RunningServer edge = RunningServer.start(relay(origin.uri("/video_feed").toString(),
                     "      idle-timeout: 0s\n"))) {
            CameraFeed upstream = origin.server().cameras().defaultCamera();
            CameraFeed relay = edge.server().cameras().defaultCamera();
            assertThat(upstream.viewerCount()).isZero();
            HttpResponse<InputStream> response = Http.stream(edge.uri("/video_feed"));
            try (InputStream body = response.body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                for (int i = 0; i < 15; i++) {
                    MjpegReader.Part part = reader.next();
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.body()));
                    assertThat(image.getWidth()).isEqualTo(320);
                    assertThat(image.getHeight()).isEqualTo(240);
                }
                assertThat(upstream.viewerCount()).as("streams the origin serves").isEqualTo(1);
            }
            Await.until("the edge stops capturing", Duration.ofSeconds(10), () -> !relay.capturing());
            Await.until("the origin loses its viewer", Duration.ofSeconds(10), () -> upstream.viewerCount() == 0);
        }
    }

    @Test
    void anUpstreamThatGoesAwayShowsNoSignalAndIsReconnectedWhenItIsBack() throws Exception {
        int port = FreePort.pick();
        String sim = """
                camstream:
                  cameras:
                    - name: default
                      driver: sim
                      width: 160
                      height: 120
                      fps: 20
                """;
        RunningServer origin = RunningServer.onPort(port, sim);
        try (RunningServer edge = RunningServer.start(relay("http://127.0.0.1:" + port + "/video_feed", ""));
             Viewer viewer = edge.server().cameras().defaultCamera().attach()) {
            FeedFrames.live(viewer, 3);
            origin.close();
            StreamFrame noSignal = FeedFrames.next(viewer, f -> !f.live());
            assertThat(noSignal.frame().width()).as("NO SIGNAL at the camera's last size").isEqualTo(160);
            origin = RunningServer.onPort(port, sim);
            assertThat(FeedFrames.next(viewer, StreamFrame::live).frame().width()).isEqualTo(160);
        } finally {
            origin.close();
        }
    }

    @Test
    void viewersOfAFailingUpstreamSeeNoSignalGivingTheUpstreamsError() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger capture = Logger.getLogger("io.camstream.core.fanout.Capture");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.addHandler(handler);
        try (RunningServer origin = RunningServer.simCamera("default", 160, 120, 10);
             RunningServer edge = RunningServer.start(relay(origin.uri("/cameras/nope/stream").toString(), ""));
             Viewer viewer = edge.server().cameras().defaultCamera().attach()) {
            assertThat(FeedFrames.next(viewer, frame -> true).live()).isFalse();
            Await.until("the failure is reported", Duration.ofSeconds(10), () -> !warnings.isEmpty());
            assertThat(warnings.getFirst()).contains("Camera default has no signal: " + origin.uri("/cameras/nope/stream")
                    + " answered HTTP 404 (check url)");
        } finally {
            capture.removeHandler(handler);
        }
    }

    @Test
    void snapshotModePollsAnotherCamstreamsSnapshotUrl() throws Exception {
        try (RunningServer origin = RunningServer.simCamera("yard", 200, 100, 10);
             RunningServer edge = RunningServer.start(relay(origin.uri("/cameras/yard/snapshot").toString(),
                     "      mode: snapshot\n      fps: 4\n"));
             Viewer viewer = edge.server().cameras().defaultCamera().attach()) {
            for (StreamFrame frame : FeedFrames.live(viewer, 3)) {
                assertThat(frame.frame().width()).isEqualTo(200);
                assertThat(frame.frame().height()).isEqualTo(100);
            }
        }
    }

    static String relay(String url, String extraKeys) {
        return """
                camstream:
                  cameras:
                    - name: default
                      driver: http
                      url: %s
                """.formatted(url) + extraKeys;
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drop-same-frames: true}: a frame byte-identical to the one before is not sent again, while each stream's
 * keep-alive repeat still runs about once a second, snapshots still answer at once, and the drops are counted.
 */
class DropSameFramesTest {

    private static final Duration WATCH = Duration.ofMillis(3500);

    @Test
    void framesTheCameraSendsAgainAreNotSentWhileTheKeepAliveStillRuns() throws Exception {
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: still
                      driver: picture
                      fps: 20
                      drop-same-frames: true
                    - name: plain
                      driver: picture
                      fps: 20
                """)) {
            List<byte[]> dropped = parts(server, "/cameras/still/stream");
            List<byte[]> sent = parts(server, "/cameras/plain/stream");

            assertThat(dropped).as("the first frame, then the keep-alive about once a second").hasSizeBetween(3, 6)
                    .allSatisfy(part -> assertThat(part).isEqualTo(PictureProvider.jpegOf("still")));
            assertThat(sent).as("every frame of a camera without the key").hasSizeGreaterThan(30);

            long started = System.nanoTime();
            HttpResponse<byte[]> snapshot = Http.get(server.uri("/cameras/still/snapshot"));
            assertThat(snapshot.statusCode()).isEqualTo(200);
            assertThat(snapshot.body()).isEqualTo(PictureProvider.jpegOf("still"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a snapshot waits for the next camera"
                    + " frame, unchanged or not, not for a new picture").isLessThan(Duration.ofSeconds(5));

            JsonObject still = Http.getJson(server.uri("/api/cameras/still"));
            assertThat(still.getJsonNumber("frames-unchanged").longValue()).isGreaterThan(30)
                    .isLessThan(still.getJsonNumber("frames-captured").longValue());
            assertThat(Http.getJson(server.uri("/api/cameras/plain")).getInt("frames-unchanged")).isZero();
            assertThat(Http.getText(server.uri("/observe/metrics")).body())
                    .containsPattern("camstream_frames_unchanged_total\\{camera=\"still\",scope=\"application\",}"
                            + " [1-9][0-9]+\\.0");
        }
    }

    @Test
    void ffmpegKeepsDecodingAStreamWhoseCameraSendsTheSamePicture() throws Exception {
        Tools.require("ffmpeg");
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: still
                      driver: picture
                      fps: 20
                      drop-same-frames: true
                """)) {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                    "-i", server.uri("/cameras/still/stream").toString(), "-frames:v", "3", "-f", "null", "-")
                    .redirectErrorStream(true)
                    .start();
            assertThat(ffmpeg.waitFor(30, TimeUnit.SECONDS)).as("three frames within 30 s: the keep-alive").isTrue();
            assertThat(new String(ffmpeg.getInputStream().readAllBytes())).isEmpty();
            assertThat(ffmpeg.exitValue()).isZero();
        }
    }

    /** The parts a stream sends in {@link #WATCH}. */
    private static List<byte[]> parts(RunningServer server, String target) throws Exception {
        List<byte[]> parts = new ArrayList<>();
        try (InputStream body = Http.stream(server.uri(target)).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            parts.add(reader.next().body());
            long end = System.nanoTime() + WATCH.toNanos();
            Thread reading = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        byte[] part = reader.next().body();
                        if (System.nanoTime() < end) {
                            synchronized (parts) {
                                parts.add(part);
                            }
                        }
                    }
                } catch (Exception e) {
                    // the stream was closed
                }
            });
            Thread.sleep(WATCH);
            body.close();
            reading.join(Duration.ofSeconds(5));
        }
        synchronized (parts) {
            return List.copyOf(parts);
        }
    }
}

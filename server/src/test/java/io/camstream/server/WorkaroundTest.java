package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * µStreamer's browser workarounds and the once-a-second repeat, on a camera whose scene never changes: the still
 * driver gives one frame and then nothing.
 */
class WorkaroundTest {

    private static final byte[] JPEG = StillProvider.JPEG;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: still
                      driver: still
                      fps: 25
                      frame-timeout: 1h
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void staticSceneRepeatsTheSameFrameOnceASecond() throws Exception {
        try (InputStream body = Http.stream(server.uri("/cameras/still/stream")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            MjpegReader.Part first = reader.next();
            long start = System.nanoTime();
            MjpegReader.Part second = reader.next();
            Duration firstGap = Duration.ofNanos(System.nanoTime() - start);
            MjpegReader.Part third = reader.next();
            Duration secondGap = Duration.ofNanos(System.nanoTime() - start).minus(firstGap);

            assertThat(first.body()).isEqualTo(JPEG);
            assertThat(second.body()).isEqualTo(JPEG);
            assertThat(third.headers()).isEqualTo(first.headers());
            assertThat(firstGap).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
            assertThat(secondGap).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
        }
    }

    @Test
    void advanceHeadersSendsEachPartsHeadersRightAfterTheBoundaryWithoutContentLength() throws Exception {
        byte[] headers = "Content-Type: image/jpeg\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] boundary = ("--" + MjpegFormat.BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(boundary);
        expected.write(headers);
        for (int i = 0; i < 2; i++) {
            expected.write(JPEG);
            expected.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            expected.write(boundary);
            expected.write(headers);
        }
        try (InputStream body = Http.stream(server.uri("/cameras/still/stream?advance_headers=1")).body()) {
            // The frame once, and its once-a-second repeat.
            assertThat(body.readNBytes(expected.size())).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void dualFinalFramesSendsTheLastFrameAgainAsSoonAsTheCameraPauses() throws Exception {
        try (InputStream body = Http.stream(server.uri("/cameras/still/stream?dual_final_frames=1")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            MjpegReader.Part first = reader.next();
            long start = System.nanoTime();
            MjpegReader.Part again = reader.next();
            Duration gap = Duration.ofNanos(System.nanoTime() - start);
            MjpegReader.Part repeat = reader.next();
            Duration repeatGap = Duration.ofNanos(System.nanoTime() - start).minus(gap);

            assertThat(again.body()).isEqualTo(first.body());
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(gap).as("the final frame again after two frame intervals (80 ms)")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(repeatGap).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
        }
    }
}

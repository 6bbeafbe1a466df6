package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
            List<Timed> parts = threeParts(body);

            assertThat(parts).allSatisfy(p -> assertThat(p.part().body()).isEqualTo(JPEG));
            assertThat(parts.get(2).part().headers()).isEqualTo(parts.get(0).part().headers());
            assertThat(parts.get(1).gap()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
            assertThat(parts.get(2).gap()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
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
            List<Timed> parts = threeParts(body);

            assertThat(parts).allSatisfy(p -> assertThat(p.part().body()).isEqualTo(JPEG));
            assertThat(parts.get(1).gap()).as("the final frame again after two frame intervals (80 ms)")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(parts.get(2).gap()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
        }
    }

    /** A part and how long after the previous one it arrived. */
    private record Timed(MjpegReader.Part part, Duration gap) {
    }

    private static List<Timed> threeParts(InputStream body) throws Exception {
        MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
        List<Timed> parts = new ArrayList<>();
        long last = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            MjpegReader.Part part = reader.next();
            long now = System.nanoTime();
            parts.add(new Timed(part, Duration.ofNanos(now - last)));
            last = now;
        }
        return parts;
    }
}

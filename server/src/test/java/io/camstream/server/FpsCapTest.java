package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code ?fps=N} and {@code max-viewer-fps} cap what a viewer gets, not what the camera captures. */
class FpsCapTest {

    @Test
    void viewerAskingForFiveFpsOfAThirtyFpsCameraGetsFiveWhileAnotherGetsThirty() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 160, 120, 30);
             InputStream capped = Http.stream(server.uri("/video_feed?fps=5")).body();
             InputStream full = Http.stream(server.uri("/video_feed")).body()) {
            MjpegReader cappedReader = new MjpegReader(capped, MjpegFormat.BOUNDARY);
            Thread.ofVirtual().start(() -> drain(full));
            assertThat(rate(cappedReader, Duration.ofSeconds(4))).isCloseTo(5, within(0.5));
            assertThat(server.server().cameras().defaultCamera().stats().captureFps()).isCloseTo(30, within(3.0));
        }
    }

    @Test
    void maxViewerFpsCapsEveryViewerAndAViewersOwnLowerCapWins() throws Exception {
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                      fps: 30
                      max-viewer-fps: 10
                """);
             InputStream uncapped = Http.stream(server.uri("/cameras/desk/stream")).body();
             InputStream lower = Http.stream(server.uri("/cameras/desk/stream?fps=4")).body()) {
            MjpegReader first = new MjpegReader(uncapped, MjpegFormat.BOUNDARY);
            MjpegReader second = new MjpegReader(lower, MjpegFormat.BOUNDARY);
            CompletableFuture<Double> lowerRate = CompletableFuture.supplyAsync(() -> rate(second, Duration.ofSeconds(4)));
            assertThat(rate(first, Duration.ofSeconds(4))).isCloseTo(10, within(1.0));
            assertThat(lowerRate.get(10, TimeUnit.SECONDS)).isCloseTo(4, within(0.4));
        }
    }

    @Test
    void fpsOutsideTheCamerasRangeOrNotANumberIsA400SayingWhatIsAllowed() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 160, 120, 15)) {
            for (String fps : List.of("0", "-1", "16", "abc", "")) {
                HttpResponse<String> response = Http.getText(server.uri("/video_feed?fps=" + fps));
                assertThat(response.statusCode()).as("fps=%s", fps).isEqualTo(400);
                assertThat(response.body()).contains("above 0 and at most 15");
            }
            HttpResponse<String> flag = Http.getText(server.uri("/video_feed?advance_headers=yes"));
            assertThat(flag.statusCode()).isEqualTo(400);
            assertThat(flag.body()).contains("advance_headers='yes' is not 0, 1, true or false");
        }
    }

    /** Frames per second over the window, after the first frame. */
    private static double rate(MjpegReader reader, Duration window) {
        try {
            reader.next();
            long start = System.nanoTime();
            long end = start + window.toNanos();
            int frames = 0;
            long last = start;
            while (last < end) {
                reader.next();
                frames++;
                last = System.nanoTime();
            }
            return frames * 1e9 / (last - start);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // closed by the test
        }
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
            CompletableFuture<List<Duration>> fullSpacing = CompletableFuture.supplyAsync(() -> spacing(full, 60));
            assertCapped(spacing(capped, 12), 5, 30);
            assertCapped(fullSpacing.get(20, TimeUnit.SECONDS), 30, 30);
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
            CompletableFuture<List<Duration>> lowerSpacing = CompletableFuture.supplyAsync(() -> spacing(lower, 10));
            assertCapped(spacing(uncapped, 20), 10, 30);
            assertCapped(lowerSpacing.get(20, TimeUnit.SECONDS), 4, 30);
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

    /**
     * A viewer held to {@code cap} frames a second of a camera at {@code cameraFps} gets frames captured a cap's
     * interval apart on average, within one camera interval (each frame is the one captured nearest its due time).
     * The capture times are the server's, sent with each part, so how fast this test reads does not enter; nor does
     * a frame the camera delivered late, since the due times after it stay where they were.
     */
    private static void assertCapped(List<Duration> spacing, double cap, double cameraFps) {
        double interval = 1 / cap;
        double slack = 1 / cameraFps;
        double mean = spacing.stream().mapToDouble(FpsCapTest::seconds).average().orElseThrow();
        assertThat(mean).as("mean spacing of %s", spacing).isCloseTo(interval, within(slack));
    }

    /**
     * The spacing of the capture times of {@code frames} consecutive parts, after the first two: a viewer's first
     * frame is the newest one at the moment it joined, captured any time before.
     */
    private static List<Duration> spacing(InputStream stream, int frames) {
        try {
            MjpegReader reader = new MjpegReader(stream, MjpegFormat.BOUNDARY);
            reader.next();
            Instant last = captureTime(reader.next());
            List<Duration> spacing = new ArrayList<>();
            while (spacing.size() < frames) {
                Instant next = captureTime(reader.next());
                spacing.add(Duration.between(last, next));
                last = next;
            }
            return spacing;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Instant captureTime(MjpegReader.Part part) {
        BigDecimal seconds = new BigDecimal(part.headers().get("x-timestamp"));
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams beyond the limits are refused politely; everything else keeps working. */
class ViewerLimitsTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  server-max-viewers: 3
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                      max-viewers: 2
                    - name: door
                      driver: sim
                      width: 160
                      height: 120
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void cameraBeyondMaxViewersAnswers503WithRetryAfterWhileSnapshotsAndPageStillWork() throws Exception {
        List<InputStream> open = new ArrayList<>();
        try {
            open.add(openStream("/cameras/desk/stream"));
            open.add(openStream("/cameras/desk/stream"));
            HttpResponse<String> refused = Http.getText(server.uri("/cameras/desk/stream"));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            assertThat(refused.body()).contains("max-viewers");

            assertThat(Http.get(server.uri("/cameras/desk/snapshot")).statusCode()).isEqualTo(200);
            assertThat(Http.get(server.uri("/")).statusCode()).isEqualTo(200);
            open.add(openStream("/cameras/door/stream"));
            HttpResponse<String> full = Http.getText(server.uri("/cameras/door/stream"));
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.body()).contains("server-max-viewers");
            assertThat(Http.get(server.uri("/cameras/door/snapshot")).statusCode()).isEqualTo(200);
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
        awaitNoStreams();
        open.add(openStream("/cameras/desk/stream"));
        open.getLast().close();
    }

    private static InputStream openStream(String path) throws Exception {
        HttpResponse<InputStream> response = Http.stream(server.uri(path));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        new MjpegReader(response.body(), MjpegFormat.BOUNDARY).next();
        return response.body();
    }

    private static void awaitNoStreams() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.server().cameras().all().stream().mapToInt(c -> c.viewerCount()).sum() > 0) {
            assertThat(System.nanoTime()).as("streams ended within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** mjpg-streamer's and µStreamer's URLs, requested on a plain socket as integrations and scripts do. */
class CompatibilityTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: 10
                    - name: door
                      driver: sim
                      width: 160
                      height: 120
                      fps: 10
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
            "/?action=stream, HTTP/1.1, 320",
            "/stream, HTTP/1.1, 320",
            "/?action=stream&camera=door, HTTP/1.1, 160",
            "/stream?camera=door, HTTP/1.1, 160",
            "/?action=stream, HTTP/1.0, 320",
            "/stream, HTTP/1.0, 320",
            "/?action=stream&camera=door, HTTP/1.0, 160",
    })
    void streamUrlsAnswerWithTheMultipartStream(String target, String version, int width) throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), target, version, "Host: localhost")) {
            String head = http.head();
            assertThat(head).startsWith(version + " 200 OK\r\n")
                    .containsIgnoringCase("Content-Type: " + MjpegFormat.CONTENT_TYPE + "\r\n")
                    .containsIgnoringCase("Cache-Control: no-store");
            MjpegReader.Part part = new MjpegReader(http.body(head), MjpegFormat.BOUNDARY).next();
            assertThat(ImageIO.read(new ByteArrayInputStream(part.body())).getWidth()).isEqualTo(width);
        }
    }

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({
            "/?action=snapshot, HTTP/1.1, 320",
            "/snapshot, HTTP/1.1, 320",
            "/?action=snapshot&camera=door, HTTP/1.1, 160",
            "/?action=snapshot, HTTP/1.0, 320",
            "/snapshot, HTTP/1.0, 320",
    })
    void snapshotUrlsAnswerWithOneJpeg(String target, String version, int width) throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), target, version, "Host: localhost", "Connection: close")) {
            String head = http.head();
            assertThat(head).startsWith(version + " 200 OK\r\n").containsIgnoringCase("Content-Type: image/jpeg\r\n");
            BufferedImage image = ImageIO.read(http.body(head));
            assertThat(image.getWidth()).isEqualTo(width);
        }
    }

    @Test
    void http10RequestWithoutHostGetsAnHttp10StreamWithoutChunksThatEndsWithTheConnection() throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), "/?action=stream", "HTTP/1.0")) {
            String head = http.head();
            assertThat(head).startsWith("HTTP/1.0 200 OK\r\n").doesNotContainIgnoringCase("transfer-encoding");
            MjpegReader reader = new MjpegReader(http.body(head), MjpegFormat.BOUNDARY);
            for (int i = 0; i < 3; i++) {
                assertThat(ImageIO.read(new ByteArrayInputStream(reader.next().body())).getWidth()).isEqualTo(320);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/?action=stream&camera=attic | 404 | Known cameras: desk, door",
            "/?action=dance               | 400 | allowed: stream, snapshot",
    })
    void unknownCameraOrActionIsRefusedWithAReason(String target, int status, String reason) throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), target, "HTTP/1.1", "Host: localhost", "Connection: close")) {
            String head = http.head();
            assertThat(head).startsWith("HTTP/1.1 " + status + " ");
            assertThat(new String(http.body(head).readAllBytes(), StandardCharsets.UTF_8))
                    .contains(reason);
        }
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamEndpointTest {

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
                      fps: 30
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

    @Test
    void videoFeedStreamsDecodableFramesOfTheDefaultCameraThatChange() throws Exception {
        HttpResponse<InputStream> response = Http.stream(server.uri("/video_feed"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(MjpegFormat.CONTENT_TYPE);
        assertNoCache(response);
        List<MjpegReader.Part> parts = new ArrayList<>();
        try (InputStream body = response.body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            for (int i = 0; i < 30; i++) {
                parts.add(reader.next());
            }
        }
        double previousTimestamp = 0;
        for (MjpegReader.Part part : parts) {
            assertThat(part.headers()).containsEntry("content-type", "image/jpeg");
            assertThat(part.headers().get("x-timestamp")).matches("\\d+\\.\\d{6}");
            double timestamp = Double.parseDouble(part.headers().get("x-timestamp"));
            assertThat(timestamp).isGreaterThanOrEqualTo(previousTimestamp);
            previousTimestamp = timestamp;
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.body()));
            assertThat(image.getWidth()).isEqualTo(320);
            assertThat(image.getHeight()).isEqualTo(240);
        }
        assertThat(pixels(parts.get(0).body())).isNotEqualTo(pixels(parts.get(29).body()));
    }

    @Test
    void namedCameraStreamsAtItsOwnSize() throws Exception {
        HttpResponse<InputStream> response = Http.stream(server.uri("/cameras/door/stream"));
        try (InputStream body = response.body()) {
            MjpegReader.Part part = new MjpegReader(body, MjpegFormat.BOUNDARY).next();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.body()));
            assertThat(image.getWidth()).isEqualTo(160);
            assertThat(image.getHeight()).isEqualTo(120);
        }
    }

    @Test
    void snapshotIsOneFreshJpegWithoutCaching() throws Exception {
        HttpResponse<byte[]> response = Http.get(server.uri("/cameras/desk/snapshot"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("x-timestamp")).isPresent();
        assertNoCache(response);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(240);
    }

    @Test
    void unknownCameraIsA404NamingTheKnownCameras() throws Exception {
        for (String path : List.of("/cameras/attic/stream", "/cameras/attic/snapshot")) {
            HttpResponse<String> response = Http.getText(server.uri(path));
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("'attic'").contains("desk, door");
        }
    }

    @Test
    void pageShowsEveryCamera() throws Exception {
        HttpResponse<String> response = Http.getText(server.uri("/"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(response.body())
                .contains("<img data-tile=\"/cameras/desk/snapshot\"")
                .contains("<img data-tile=\"/cameras/door/snapshot\"")
                .contains("<script src=\"/assets/camstream.js\">")
                .contains("name=\"viewport\"");
    }

    private static void assertNoCache(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("cache-control"))
                .hasValue("no-store, no-cache, must-revalidate, max-age=0");
        assertThat(response.headers().firstValue("pragma")).hasValue("no-cache");
        assertThat(response.headers().firstValue("expires")).hasValue("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    private static int[] pixels(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}

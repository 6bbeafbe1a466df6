package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The snapshot mode: a JPEG URL fetched at the configured rate. */
class SnapshotCameraTest {

    private static final byte[] GREEN = Wire.jpeg(32, 24, Color.GREEN);

    @Test
    void fetchesAJpegPerFrameWithCredentialsAndTheUpstreamTimestamp() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            out.write(Wire.ascii("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: " + GREEN.length
                    + "\r\nX-Timestamp: 1764068400.5\r\nConnection: close\r\n\r\n"));
            out.write(GREEN);
        });
             Camera camera = open(upstream, Map.of("fps", "20", "url", "http://cam:pa%40ss@127.0.0.1:"
                     + upstream.uri("/").getPort() + "/snapshot.jpg"))) {
            Frame first = camera.nextFrame();
            Frame second = camera.nextFrame();
            assertThat(first.jpeg()).isEqualTo(GREEN);
            assertThat(second.sequence()).isGreaterThan(first.sequence());
            assertThat(first.captureTime()).isEqualTo(Instant.ofEpochSecond(1764068400, 500_000_000));
            assertThat(upstream.requests()).hasSize(2).allSatisfy(request -> assertThat(request)
                    .startsWith("GET /snapshot.jpg ")
                    .contains("Authorization: Basic Y2FtOnBhQHNz"));
            assertThat(camera.details()).containsEntry("url", upstream.uri("/snapshot.jpg").toString());
        }
    }

    @Test
    void aSnapshotOverMaxFrameBytesIsRefused() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            out.write(Wire.ascii("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nConnection: close\r\n\r\n"));
            out.write(new byte[200_000]);
        });
             Camera camera = open(upstream, Map.of("max-frame-bytes", "100000"))) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("more than max-frame-bytes (100000)");
        }
    }

    @Test
    void anAnswerThatIsNotAJpegIsRefused() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> out.write(Wire.ascii(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n<html>")));
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("did not answer with a JPEG picture: not a JPEG");
        }
    }

    private static Camera open(ScriptedUpstream upstream, Map<String, String> settings) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("mode", "snapshot", "url",
                upstream.uri("/snapshot.jpg").toString()));
        values.putAll(settings);
        return new HttpCameraProvider().create(HttpConfig.camera(values), "relay");
    }
}

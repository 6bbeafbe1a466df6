package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 streams are sent as mjpg-streamer and µStreamer send them: no chunked framing, the body ends with the
 * connection. Clients that do not de-chunk (Motion's netcam with keep-alive) would read chunk-size lines as frame
 * data. Every other answer keeps the connection alive.
 */
class StreamFramingTest {

    private static final String FIRST_LINE = "--" + MjpegFormat.BOUNDARY + "\r\n";
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.simCamera("desk", 160, 120, 30);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void streamIsDelimitedByTheConnectionNotChunkedEvenWhenTheClientWantsToKeepItAlive() throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), "/cameras/desk/stream", "HTTP/1.1", "Host: localhost",
                "Connection: keep-alive")) {
            assertStreamOfParts(http);
        }
    }

    @Test
    void answersBeforeAStreamKeepTheConnectionAliveAndTheStreamAfterThemEndsIt() throws Exception {
        try (RawHttp http = RawHttp.get(server.port(), "/api/cameras/desk", "HTTP/1.1", "Host: localhost")) {
            String api = http.head();
            assertThat(api).startsWith("HTTP/1.1 200 OK\r\n").doesNotContainIgnoringCase("Connection: close");
            assertThat(new String(http.body(api).readAllBytes(), StandardCharsets.UTF_8)).contains("\"name\":\"desk\"");

            http.get("/cameras/desk/snapshot", "HTTP/1.1", "Host: localhost");
            String snapshot = http.head();
            assertThat(snapshot).startsWith("HTTP/1.1 200 OK\r\n").doesNotContainIgnoringCase("Connection: close");
            assertThat(ImageIO.read(http.body(snapshot)).getWidth()).isEqualTo(160);

            http.get("/cameras/desk/stream", "HTTP/1.1", "Host: localhost");
            assertStreamOfParts(http);
        }
    }

    /** The head says the body lasts as long as the connection, and the body is parts from its first byte. */
    private static void assertStreamOfParts(RawHttp http) throws Exception {
        String head = http.head();
        assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
                .containsIgnoringCase("\r\nConnection: close\r\n")
                .containsIgnoringCase("\r\nContent-Type: " + MjpegFormat.CONTENT_TYPE + "\r\n")
                .doesNotContainIgnoringCase("Transfer-Encoding")
                .doesNotContainIgnoringCase("Content-Length");
        InputStream body = http.body(head);
        byte[] first = body.readNBytes(FIRST_LINE.length());
        assertThat(new String(first, StandardCharsets.US_ASCII)).as("no chunk size before the boundary")
                .isEqualTo(FIRST_LINE);
        MjpegReader reader = new MjpegReader(new SequenceInputStream(new ByteArrayInputStream(first), body),
                MjpegFormat.BOUNDARY);
        for (int i = 0; i < 3; i++) {
            assertThat(ImageIO.read(new ByteArrayInputStream(reader.next().body())).getWidth()).isEqualTo(160);
        }
    }
}

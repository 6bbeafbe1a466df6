package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mjpeg mode against a local server that sends exactly the bytes of each case, well-formed or hostile. */
class MjpegCameraTest {

    private static final byte[] RED = Wire.jpeg(64, 48, Color.RED);
    private static final byte[] BLUE = Wire.jpeg(64, 48, Color.BLUE);

    @Test
    void quotedBoundaryWithLeadingDashesContentLengthAndChunkingKeepUpstreamTimestamps() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=\"--myboundary\"", true);
            OutputStream body = Wire.chunked(out);
            body.write(Wire.ascii("----myboundary\r\n"));
            for (byte[] jpeg : List.of(RED, BLUE)) {
                body.write(Wire.ascii("Content-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\nX-Timestamp: 1764068400.123456\r\n\r\n"));
                body.write(jpeg);
                body.write(Wire.ascii("\r\n----myboundary\r\n"));
            }
            out.write(Wire.ascii("0\r\n\r\n"));
        });
             Camera camera = open(upstream, Map.of())) {
            Frame first = camera.nextFrame();
            Frame second = camera.nextFrame();
            assertThat(first.jpeg()).isEqualTo(RED);
            assertThat(second.jpeg()).isEqualTo(BLUE);
            assertThat(first.width()).isEqualTo(64);
            assertThat(first.captureTime()).isEqualTo(Instant.ofEpochSecond(1764068400, 123_456_000));
            assertThat(second.sequence()).isGreaterThan(first.sequence());
        }
    }

    @Test
    void partsWithoutContentLengthEndAtTheNextBoundaryLine() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace;boundary=frame", false);
            for (byte[] jpeg : List.of(RED, BLUE, RED)) {
                out.write(Wire.ascii("--frame\nContent-Type: image/jpeg\n\n"));
                out.write(jpeg);
                out.write(Wire.ascii("\n"));
            }
            out.write(Wire.ascii("--frame--\r\n"));
        });
             Camera camera = open(upstream, Map.of())) {
            Instant before = Instant.now();
            assertThat(camera.nextFrame().jpeg()).isEqualTo(RED);
            Frame second = camera.nextFrame();
            assertThat(second.jpeg()).isEqualTo(BLUE);
            assertThat(second.captureTime()).isAfterOrEqualTo(before);
            assertThat(camera.nextFrame().jpeg()).isEqualTo(RED);
            assertThatThrownBy(camera::nextFrame).hasMessageContaining("ended the stream");
        }
    }

    @Test
    void theBoundaryNameAloneInsideAPictureDoesNotEndThePart() throws Exception {
        byte[] comment = Wire.ascii("\nframe\r\n-frame\n");
        byte[] tricky = new byte[RED.length + 4 + comment.length];
        tricky[0] = (byte) 0xFF;
        tricky[1] = (byte) 0xD8;
        tricky[2] = (byte) 0xFF;
        tricky[3] = (byte) 0xFE; // COM segment holding text that looks like a boundary without its dashes
        tricky[4] = 0;
        tricky[5] = (byte) (2 + comment.length);
        System.arraycopy(comment, 0, tricky, 6, comment.length);
        System.arraycopy(RED, 2, tricky, 6 + comment.length, RED.length - 2);
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace;boundary=frame", false);
            out.write(Wire.ascii("--frame\r\nContent-Type: image/jpeg\r\n\r\n"));
            out.write(tricky);
            out.write(Wire.ascii("\r\n--frame\r\n"));
        });
             Camera camera = open(upstream, Map.of())) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(tricky);
        }
    }

    @Test
    void upstreamBasicAuthIsSentAndARefusalSaysWhatToCheck() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> out.write(Wire.ascii(
                "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"cam\"\r\nContent-Length: 0\r\n\r\n")))) {
            assertThatThrownBy(() -> open(upstream, Map.of("username", "admin", "password", "s3cret:x")))
                    .hasMessageContaining("answered HTTP 401")
                    .hasMessageContaining("check username and password");
            assertThat(upstream.requests().getFirst())
                    .contains("Authorization: Basic YWRtaW46czNjcmV0Ong=");
        }
    }

    @Test
    void aStreamWithoutBoundaryIsRefused() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace", false);
            out.write(RED);
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame).hasMessageContaining("names no boundary in its Content-Type and its"
                    + " body does not start with a boundary line");
        }
    }

    @Test
    void withoutABoundaryInTheContentTypeTheFirstLineOfTheBodyNamesIt() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "application/octet-stream", true);
            OutputStream body = Wire.chunked(out);
            body.write(Wire.ascii("--ffmpeg\r\nContent-type: image/jpeg\r\nContent-length: " + RED.length + "\r\n\r\n"));
            body.write(RED);
            body.write(Wire.ascii("\r\n--ffmpeg\r\nContent-type: image/jpeg\r\nContent-length: " + BLUE.length
                    + "\r\n\r\n"));
            body.write(BLUE);
            body.write(Wire.ascii("\r\n"));
        });
             Camera camera = open(upstream, Map.of())) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(RED);
            assertThat(camera.nextFrame().jpeg()).isEqualTo(BLUE);
        }
    }

    @Test
    void aPageInsteadOfAStreamIsRefused() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "text/html", false);
            out.write(Wire.ascii("<html>login</html>"));
        })) {
            assertThatThrownBy(() -> open(upstream, Map.of()))
                    .hasMessageContaining("Content-Type 'text/html', not a multipart/x-mixed-replace");
        }
    }

    @Test
    void aWrongBoundaryIsReportedAfterABoundedRead() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=declared", false);
            while (true) {
                out.write(Wire.ascii("--other\r\nContent-Type: image/jpeg\r\n\r\n"));
                out.write(RED);
                out.write(Wire.ascii("\r\n"));
            }
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("no boundary line '--declared'")
                    .hasMessageContaining("in the first 65536 bytes");
        }
    }

    @Test
    void aTruncatedPartIsAnError() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            out.write(Wire.ascii("--b\r\nContent-Type: image/jpeg\r\nContent-Length: " + RED.length + "\r\n\r\n"));
            out.write(RED, 0, RED.length / 2);
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("ended the stream inside a part (" + RED.length / 2 + " of " + RED.length);
        }
    }

    @Test
    void endlessPartHeadersAreCutOff() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            out.write(Wire.ascii("--b\r\n"));
            for (int i = 0; ; i++) {
                out.write(Wire.ascii("X-Header-" + i + ": again\r\n"));
            }
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame).hasMessageContaining("more than 64 header lines");
        }
    }

    @Test
    void anEndlessHeaderLineIsCutOff() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            out.write(Wire.ascii("--b\r\nX-Long: "));
            while (true) {
                out.write(new byte[4096]);
            }
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame).hasMessageContaining("header line longer than 8192 bytes");
        }
    }

    @Test
    void aHundredMebibytePartWithContentLengthIsRefusedBeforeItIsRead() throws Exception {
        long hundredMiB = 100L * 1024 * 1024;
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            out.write(Wire.ascii("--b\r\nContent-Type: image/jpeg\r\nContent-Length: " + hundredMiB + "\r\n\r\n"));
            writeZeros(out, hundredMiB);
        });
             Camera camera = open(upstream, Map.of())) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("a part of 104857600 bytes, more than max-frame-bytes (8388608)");
            camera.close();
            awaitNoConnection(upstream);
            assertThat(upstream.bytesSent()).as("bytes the server managed to send").isLessThan(hundredMiB / 4);
        }
    }

    @Test
    void aHundredMebibytePartWithoutContentLengthIsCutOffAtMaxFrameBytes() throws Exception {
        long hundredMiB = 100L * 1024 * 1024;
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            out.write(Wire.ascii("--b\r\nContent-Type: image/jpeg\r\n\r\n"));
            writeZeros(out, hundredMiB);
        });
             Camera camera = open(upstream, Map.of("max-frame-bytes", "1000000"))) {
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("grew past max-frame-bytes (1000000)");
            camera.close();
            awaitNoConnection(upstream);
            assertThat(upstream.bytesSent()).as("bytes the server managed to send").isLessThan(hundredMiB / 4);
        }
    }

    @Test
    void partsThatAreNotJpegsNeverBecomeFramesAndFailTheCaptureWhenTheyPersist() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(RED, RED.length - 10);
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            List<byte[]> parts = new ArrayList<>(List.of(Wire.ascii("<html>"), truncated, RED));
            for (int i = 0; i < 5; i++) {
                parts.add(truncated);
            }
            for (byte[] part : parts) {
                out.write(Wire.ascii("--b\r\nContent-Length: " + part.length + "\r\n\r\n"));
                out.write(part);
                out.write(Wire.ascii("\r\n"));
            }
        });
             Camera camera = open(upstream, Map.of())) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(RED);
            assertThatThrownBy(camera::nextFrame)
                    .hasMessageContaining("5 parts in a row that are not JPEG pictures")
                    .hasMessageContaining("do not end with FF D9");
        }
    }

    @Test
    void aSilentUpstreamFailsAfterTheReadTimeout() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
            Thread.sleep(Duration.ofSeconds(30));
        });
             Camera camera = open(upstream, Map.of("read-timeout", "300ms"))) {
            assertThatThrownBy(camera::nextFrame).hasMessageContaining("sent nothing for 300 ms (read-timeout)");
        }
    }

    @Test
    void anUnreachableUpstreamIsNamed() {
        Map<String, String> values = new HashMap<>(Map.of("url", "http://127.0.0.1:1/stream"));
        assertThatThrownBy(() -> new HttpCameraProvider().create(HttpConfig.camera(values), "relay"))
                .hasMessageContaining("cannot connect to http://127.0.0.1:1/stream");
    }

    @Test
    void closingUnblocksAWaitingReadAndClosesTheUpstreamConnection() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            Wire.head(out, "multipart/x-mixed-replace; boundary=b", true);
            Thread.sleep(Duration.ofSeconds(30));
        })) {
            Camera camera = open(upstream, Map.of());
            assertThat(upstream.openConnections()).isEqualTo(1);
            CompletableFuture<Frame> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return camera.nextFrame();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            camera.close();
            assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasMessageContaining("ended the stream");
            awaitNoConnection(upstream);
        }
    }

    static Camera open(ScriptedUpstream upstream, Map<String, String> settings) throws Exception {
        Map<String, String> values = new HashMap<>(settings);
        values.put("url", upstream.uri("/stream").toString());
        return new HttpCameraProvider().create(HttpConfig.camera(values), "relay");
    }

    static void awaitNoConnection(ScriptedUpstream upstream) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (upstream.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(upstream.openConnections()).as("connections open at the upstream").isZero();
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long sent = 0; sent < count; sent += block.length) {
            out.write(block);
        }
    }
}

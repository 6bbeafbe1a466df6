package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream that the server ends (it stops, or its camera is closed) ends as a complete multipart body: a last part,
 * the closing boundary, and then the end of the HTTP/1.1 connection or of the HTTP/2 stream, so that a client can
 * tell a finished stream from a broken one. ffmpeg's multipart reader is the judge: on a body cut off after a
 * boundary it reports "Invalid data found when processing input".
 */
class StreamEndTest {

    private static final String TWO_CAMERAS = """
            camstream:
              cameras:
                - name: desk
                  driver: sim
                  width: 160
                  height: 120
                  fps: 30
                - name: door
                  driver: sim
                  width: 160
                  height: 120
                  fps: 30
            """;

    @Test
    void closingACameraEndsItsStreamWithALastPartAndTheClosingBoundaryThenClosesTheConnection() throws Exception {
        try (RunningServer server = RunningServer.start(TWO_CAMERAS);
             RawHttp http = RawHttp.get(server.port(), "/cameras/door/stream", "HTTP/1.1", "Host: localhost")) {
            InputStream body = http.body(http.head());
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            reader.next();

            camera(server, "door").close();

            MjpegReader.Part last = reader.next();
            while (!reader.ended()) {
                last = reader.next();
            }
            assertThat(ImageIO.read(new ByteArrayInputStream(last.body())).getWidth()).isEqualTo(160);
            assertThat(body.read()).as("nothing after the closing boundary: the connection is closed").isEqualTo(-1);
            assertThat(Http.getText(server.uri("/cameras/desk/snapshot")).statusCode())
                    .as("the other camera is served on").isEqualTo(200);
        }
    }

    @Test
    void overHttp2TheClosingBoundaryEndsTheHttp2Stream() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (RunningServer server = RunningServer.start(TWO_CAMERAS)) {
            HttpResponse<InputStream> response = h2c.send(
                    HttpRequest.newBuilder(server.uri("/cameras/door/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            try (InputStream body = response.body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                reader.next();

                camera(server, "door").close();

                while (!reader.ended()) {
                    reader.next();
                }
                assertThat(body.read()).isEqualTo(-1);
            }
        }
    }

    @ParameterizedTest(name = "layout {0}")
    @ValueSource(strings = {"standard", "advance_headers=1"})
    void ffmpegReadsTheStreamToItsEndWithoutAnErrorWhenTheServerStops(String layout, @TempDir Path dir)
            throws Exception {
        RunningServer server = RunningServer.start(TWO_CAMERAS);
        Process ffmpeg;
        try {
            ffmpeg = ffmpegThroughCurl(server, "/cameras/desk/stream?" + layout, dir);
            awaitFramesSent(camera(server, "desk"), 20);
        } finally {
            server.close();
        }
        assertEndedCleanly(ffmpeg, dir, camera(server, "desk"));
    }

    @Test
    void ffmpegReadsTheStreamToItsEndWithoutAnErrorWhenItsCameraIsClosed(@TempDir Path dir) throws Exception {
        try (RunningServer server = RunningServer.start(TWO_CAMERAS)) {
            Process ffmpeg = ffmpegThroughCurl(server, "/cameras/door/stream", dir);
            awaitFramesSent(camera(server, "door"), 20);

            camera(server, "door").close();

            assertEndedCleanly(ffmpeg, dir, camera(server, "door"));
        }
    }

    @Test
    void ffmpegReadingTheUrlItselfFindsNoInvalidDataAtTheEnd(@TempDir Path dir) throws Exception {
        Tools.require("ffmpeg");
        try (RunningServer server = RunningServer.start(TWO_CAMERAS)) {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                    "-i", server.uri("/cameras/door/stream").toString(), "-f", "framemd5", "-")
                    .redirectOutput(dir.resolve("frames.txt").toFile())
                    .redirectError(dir.resolve("errors.txt").toFile())
                    .start();
            awaitFramesSent(camera(server, "door"), 20);

            camera(server, "door").close();

            assertThat(ffmpeg.waitFor(20, TimeUnit.SECONDS)).as("ffmpeg ended with the stream").isTrue();
            assertThat(ffmpeg.exitValue()).isZero();
            assertThat(decoded(dir)).as("every frame sent, and the last part")
                    .isEqualTo(camera(server, "door").stats().framesSent() + 1);
            // ffmpeg's HTTP reader reports every body that ends with its connection (mjpg-streamer's and
            // µStreamer's as well) as "Stream ends prematurely ... Input/output error": see README, Stream framing.
            assertThat(Files.readAllLines(dir.resolve("errors.txt"))).noneMatch(line -> line.contains("Invalid data"))
                    .allMatch(line -> line.contains("Stream ends prematurely") || line.endsWith("Input/output error"));
        }
    }

    private static CameraFeed camera(RunningServer server, String name) {
        return server.server().cameras().find(name).orElseThrow();
    }

    /**
     * ffmpeg decoding a stream's body to its end, as curl hands it over: curl reads the HTTP framing, so what ffmpeg
     * judges is the multipart body alone. One checksum line per frame goes to frames.txt, errors to errors.txt.
     */
    private static Process ffmpegThroughCurl(RunningServer server, String path, Path dir) throws Exception {
        Tools.require("ffmpeg");
        Tools.require("curl");
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("curl", "-sS", "-N", server.uri(path).toString())
                        .redirectError(dir.resolve("curl-errors.txt").toFile()),
                new ProcessBuilder("ffmpeg", "-hide_banner", "-v", "error", "-f", "mpjpeg", "-i", "-",
                        "-f", "framemd5", "-")
                        .redirectOutput(dir.resolve("frames.txt").toFile())
                        .redirectError(dir.resolve("errors.txt").toFile())));
        return pipeline.getLast();
    }

    private static void awaitFramesSent(CameraFeed feed, int frames) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (feed.stats().framesSent() < frames) {
            assertThat(System.nanoTime()).as("%d frames sent to ffmpeg within 20 s", frames).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** ffmpeg ended on its own, without an error, having decoded every frame sent and the last part. */
    private static void assertEndedCleanly(Process ffmpeg, Path dir, CameraFeed camera) throws Exception {
        try {
            assertThat(ffmpeg.waitFor(20, TimeUnit.SECONDS)).as("ffmpeg ended with the stream").isTrue();
        } finally {
            ffmpeg.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("errors.txt"), StandardCharsets.UTF_8)).as("ffmpeg's errors").isEmpty();
        assertThat(ffmpeg.exitValue()).isZero();
        assertThat(decoded(dir)).as("frames ffmpeg decoded: every frame sent, and the last part")
                .isEqualTo(camera.stats().framesSent() + 1);
        assertThat(Files.readString(dir.resolve("curl-errors.txt"))).as("curl's errors").isEmpty();
    }

    private static long decoded(Path dir) throws Exception {
        return Files.readAllLines(dir.resolve("frames.txt")).stream().filter(l -> !l.startsWith("#")).count();
    }
}

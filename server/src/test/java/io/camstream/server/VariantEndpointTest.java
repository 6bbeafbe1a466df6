package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants over real sockets: every stream and snapshot URL takes {@code width=} and {@code quality=}; a width off
 * the camera's ladder or a wrong quality is a 400 naming what is allowed; a variant is encoded once per camera frame
 * however many watch it, only while someone does; more variants than {@code max-variants} are a 503.
 */
class VariantEndpointTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 640
                      height: 360
                      fps: 10
                    - name: door
                      driver: sim
                      width: 640
                      height: 480
                      fps: 10
                    - name: hall
                      driver: sim
                      width: 640
                      height: 480
                      fps: 10
                      max-variants: 1
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyStreamUrlTakesWidthAndQuality() throws Exception {
        Map<String, String> sizes = Map.of(
                "/video_feed?width=320", "320x180",
                "/cameras/desk/stream?width=160&quality=40", "160x90",
                "/?action=stream&width=320", "320x180",
                "/stream?width=160", "160x90",
                "/video_feed?camera=door&width=320", "320x240",
                "/stream?camera=door&quality=30", "640x480",
                "/?action=stream&camera=door&width=160&fps=5", "160x120");
        for (Map.Entry<String, String> url : sizes.entrySet()) {
            try (InputStream body = Http.stream(server.uri(url.getKey())).body()) {
                MjpegReader parts = new MjpegReader(body, MjpegFormat.BOUNDARY);
                for (int i = 0; i < 2; i++) {
                    assertThat(Pictures.size(parts.next().body())).as(url.getKey()).isEqualTo(url.getValue());
                }
            }
        }
    }

    @Test
    void everySnapshotUrlTakesWidthAndQuality() throws Exception {
        Map<String, String> sizes = Map.of(
                "/cameras/desk/snapshot?width=160", "160x90",
                "/?action=snapshot&width=320", "320x180",
                "/snapshot?width=320&quality=20", "320x180",
                "/snapshot?camera=door&width=160", "160x120",
                "/cameras/door/snapshot?quality=50", "640x480");
        for (Map.Entry<String, String> url : sizes.entrySet()) {
            HttpResponse<byte[]> snapshot = Http.get(server.uri(url.getKey()));
            assertThat(snapshot.statusCode()).as(url.getKey()).isEqualTo(200);
            assertThat(snapshot.headers().firstValue("content-type")).contains("image/jpeg");
            assertThat(Pictures.size(snapshot.body())).as(url.getKey()).isEqualTo(url.getValue());
        }
        byte[] low = Http.get(server.uri("/cameras/desk/snapshot?width=320&quality=10")).body();
        byte[] high = Http.get(server.uri("/cameras/desk/snapshot?width=320&quality=95")).body();
        assertThat(low.length).as("quality 10 against 95").isLessThan(high.length / 2);
    }

    @Test
    void ffmpegDecodesEveryFrameOfAVariantStreamAtItsSize() throws Exception {
        Tools.require("ffmpeg");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-v", "error",
                "-i", server.uri("/cameras/door/stream?width=160").toString(), "-frames:v", "20",
                "-f", "rawvideo", "-pix_fmt", "gray", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] gray = ffmpeg.getInputStream().readAllBytes();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ffmpeg.exitValue()).isZero();
        assertThat(gray.length).as("20 frames of 160x120").isEqualTo(20 * 160 * 120);
    }

    @Test
    void aWidthOffTheLadderOrAWrongQualityIsRefusedNamingWhatIsAllowed() throws Exception {
        Map<String, String> refusals = Map.of(
                "width=640", "width=640 is not offered by camera desk (allowed: 160, 320)\n",
                "width=200", "width=200 is not offered by camera desk (allowed: 160, 320)\n",
                "width=wide", "width='wide' is not a whole number (allowed: 160, 320)\n",
                "width=0", "width=0 is out of range (allowed: 160, 320)\n",
                "quality=0", "quality=0 is out of range (allowed: 1 to 100)\n",
                "width=320&quality=101", "quality=101 is out of range (allowed: 1 to 100)\n",
                "quality=good", "quality='good' is not a whole number (allowed: 1 to 100)\n");
        for (String target : List.of("/cameras/desk/stream?", "/cameras/desk/snapshot?", "/?action=stream&",
                "/snapshot?")) {
            for (Map.Entry<String, String> refusal : refusals.entrySet()) {
                HttpResponse<String> answer = Http.getText(server.uri(target + refusal.getKey()));
                assertThat(answer.statusCode()).as(target + refusal.getKey()).isEqualTo(400);
                assertThat(answer.body()).as(target + refusal.getKey()).isEqualTo(refusal.getValue());
            }
        }
        assertThat(camera("desk").getJsonArray("variants")).as("a refusal starts no variant").isEmpty();
    }

    @Test
    void aVariantIsEncodedOncePerFrameForAllItsViewersAndOnlyWhileSomeoneWatches() throws Exception {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                streams.add(open("/cameras/door/stream?width=320", 2));
            }
            InputStream full = open("/cameras/door/stream", 2);
            streams.add(full);
            JsonObject before = camera("door");
            Thread.sleep(1500);
            JsonObject after = camera("door");

            JsonObject variant = after.getJsonArray("variants").getJsonObject(0);
            assertThat(after.getJsonArray("variants")).hasSize(1);
            assertThat(variant.getInt("width")).isEqualTo(320);
            assertThat(variant.getInt("height")).isEqualTo(240);
            assertThat(variant.getInt("quality")).isEqualTo(75);
            assertThat(variant.getInt("viewers")).isEqualTo(6);
            assertThat(variant.getJsonNumber("encode-ms").doubleValue()).isGreaterThan(0);
            long encoded = variant.getJsonNumber("frames-encoded").longValue()
                    - before.getJsonArray("variants").getJsonObject(0).getJsonNumber("frames-encoded").longValue();
            long captured = after.getJsonNumber("frames-captured").longValue()
                    - before.getJsonNumber("frames-captured").longValue();
            assertThat(encoded).as("frames encoded for six viewers while %d were captured", captured)
                    .isPositive().isLessThanOrEqualTo(captured + 1);
            assertThat(metrics()).contains("camstream_variants{camera=\"door\",scope=\"application\",} 1.0");

            for (InputStream stream : streams.subList(0, 6)) {
                stream.close();
            }
            awaitNoVariant("door");
            long idle = camera("door").getJsonArray("variants").size();
            long encodedWhenDropped = variantFramesEncoded("door");
            Thread.sleep(1000);
            assertThat(idle).isZero();
            assertThat(variantFramesEncoded("door")).as("encoded while only the full picture is watched")
                    .isEqualTo(encodedWhenDropped);
            assertThat(camera("door").getBoolean("capturing")).isTrue();
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    @Test
    void moreVariantsThanMaxVariantsAreRefusedWith503UntilOneIsDropped() throws Exception {
        try (InputStream small = open("/cameras/hall/stream?width=160", 1)) {
            assertThat(Http.get(server.uri("/cameras/hall/snapshot?width=160")).statusCode())
                    .as("a snapshot of the variant that runs").isEqualTo(200);
            for (String target : List.of("/cameras/hall/snapshot?width=320", "/cameras/hall/stream?width=320")) {
                HttpResponse<String> refused = Http.getText(server.uri(target));
                assertThat(refused.statusCode()).as(target).isEqualTo(503);
                assertThat(refused.headers().firstValue("retry-after")).as(target).contains("10");
                assertThat(refused.body()).as(target).isEqualTo("camera hall already encodes 1 variants"
                        + " (max-variants 1): 160 q75; ask for one of those, or try again later\n");
            }
            assertThat(camera("hall").getJsonObject("viewers").getInt("count")).as("refused streams left no viewer")
                    .isEqualTo(1);
        }
        awaitNoVariant("hall");
        assertThat(Pictures.size(Http.get(server.uri("/cameras/hall/snapshot?width=320")).body()))
                .isEqualTo("320x240");
    }

    /** Opens a stream and reads a few of its parts, so that it is surely attached. */
    private static InputStream open(String target, int parts) throws Exception {
        InputStream body = Http.stream(server.uri(target)).body();
        MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
        for (int i = 0; i < parts; i++) {
            reader.next();
        }
        return body;
    }

    private static void awaitNoVariant(String camera) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!camera(camera).getJsonArray("variants").isEmpty()) {
            assertThat(System.nanoTime()).as("the variants of %s dropped within 10 s", camera).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long variantFramesEncoded(String camera) throws Exception {
        String prefix = "camstream_variant_frames_encoded_total{camera=\"" + camera + "\",scope=\"application\",} ";
        return metrics().lines().filter(line -> line.startsWith(prefix))
                .map(line -> (long) Double.parseDouble(line.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    private static String metrics() throws Exception {
        return Http.getText(server.uri("/observe/metrics")).body();
    }

    private static JsonObject camera(String name) throws Exception {
        return Http.getJson(server.uri("/api/cameras/" + name));
    }
}

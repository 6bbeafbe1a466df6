package io.camstream.server;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rotate} and {@code flip} end to end: every frame is turned as jpegtran turns it, pixel for pixel where the
 * size allows it, re-encoded and counted where it does not; the state API, the NO SIGNAL picture, the pages and the
 * variants follow the turned size.
 */
class RotationTest {

    @TempDir
    Path dir;

    /** Camera name, its rotate and flip, and the jpegtran options that turn a picture the same way. */
    private record Turn(String camera, String rotate, String flip, List<String> jpegtran) {
    }

    private static final List<Turn> TURNS = List.of(
            new Turn("right", "90", "none", List.of("-rotate", "90")),
            new Turn("upside", "180", "none", List.of("-rotate", "180")),
            new Turn("mirror", "0", "horizontal", List.of("-flip", "horizontal")),
            new Turn("diagonal", "90", "horizontal", List.of("-transpose")),
            new Turn("other", "270", "horizontal", List.of("-transverse")));

    @Test
    void everyFrameIsTurnedLosslesslyExactlyAsJpegtranTurnsIt() throws Exception {
        Tools.require("jpegtran");
        byte[] source = noise(320, 240);
        Path frames = folder("exact", source);
        StringBuilder yaml = new StringBuilder("camstream:\n  cameras:\n");
        for (Turn turn : TURNS) {
            yaml.append(camera(turn.camera(), frames, "rotate: " + turn.rotate() + "\n      flip: " + turn.flip()));
        }
        try (RunningServer server = RunningServer.start(yaml.toString())) {
            for (Turn turn : TURNS) {
                byte[] turned = Http.get(server.uri("/cameras/" + turn.camera() + "/snapshot")).body();
                byte[] judge = jpegtran(source, turn.jpegtran());
                assertThat(pixels(turned)).as("%s against jpegtran %s", turn.camera(), turn.jpegtran())
                        .isEqualTo(pixels(judge));
                JsonObject state = Http.getJson(server.uri("/api/cameras/" + turn.camera()));
                JsonObject turning = state.getJsonObject("turning");
                assertThat(turning.getInt("lossless")).as(turn.camera()).isPositive();
                assertThat(turning.getInt("re-encoded") + turning.getInt("partly-lossless")
                        + turning.getInt("unturned")).as(turn.camera()).isZero();
                String size = turn.jpegtran().contains("180") || turn.flip().equals("horizontal")
                        && turn.rotate().equals("0") ? "320x240" : "240x320";
                JsonObject measured = state.getJsonObject("measured");
                assertThat(measured.getInt("width") + "x" + measured.getInt("height")).as(turn.camera())
                        .isEqualTo(size);
            }
        }
    }

    @Test
    void aPictureWhoseEdgesAreNotWholeBlocksIsReEncodedAndPartlyLosslessWhereOnlyChromaIsShort() throws Exception {
        Path unevenFrames = folder("uneven", noise(330, 246));
        Path hdFrames = folder("hd", noise(1920, 1080));
        try (RunningServer server = RunningServer.start("camstream:\n  cameras:\n"
                + camera("uneven", unevenFrames, "rotate: 90") + camera("hd", hdFrames, "rotate: 90"))) {
            assertThat(Pictures.size(Http.get(server.uri("/cameras/uneven/snapshot")).body())).isEqualTo("246x330");
            assertThat(Pictures.size(Http.get(server.uri("/cameras/hd/snapshot")).body())).isEqualTo("1080x1920");
            JsonObject uneven = Http.getJson(server.uri("/api/cameras/uneven")).getJsonObject("turning");
            JsonObject hd = Http.getJson(server.uri("/api/cameras/hd")).getJsonObject("turning");
            assertThat(uneven.getInt("re-encoded")).isPositive();
            assertThat(uneven.getInt("lossless")).isZero();
            assertThat(hd.getInt("partly-lossless")).as("1080 rows of 4:2:0 are 67.5 MCUs").isPositive();
            assertThat(hd.getInt("lossless") + hd.getInt("re-encoded")).isZero();
            assertThat(Http.getText(server.uri("/observe/metrics")).body()).contains(
                    "camstream_frames_turned_total{camera=\"uneven\",path=\"re-encoded\",scope=\"application\",} ");
        }
    }

    @Test
    void noSignalPagesAndVariantsFollowTheTurnedSize() throws Exception {
        Path frames = folder("frames", noise(320, 240));
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: attic
                      driver: broken
                      width: 1280
                      height: 720
                      rotate: 90
                """ + camera("shelf", frames, "rotate: 270"))) {
            assertThat(Pictures.size(Http.get(server.uri("/cameras/attic/snapshot")).body()))
                    .as("NO SIGNAL of a camera configured 1280x720 and turned").isEqualTo("720x1280");
            JsonObject attic = Http.getJson(server.uri("/api/cameras/attic"));
            assertThat(attic.getBoolean("online")).isFalse();
            assertThat(attic.getJsonObject("measured").getInt("width")).isEqualTo(720);
            assertThat(attic.getJsonObject("configured").getInt("width")).as("as configured").isEqualTo(1280);
            assertThat(Http.getText(server.uri("/cameras/attic")).body()).contains("width=\"720\" height=\"1280\"");
            assertThat(Http.getText(server.uri("/")).body())
                    .contains("data-tile=\"/cameras/attic/snapshot\" data-widths=\"160 320 640\" width=\"720\""
                            + " height=\"1280\"");

            assertThat(Pictures.size(Http.get(server.uri("/cameras/shelf/snapshot?width=160")).body()))
                    .as("a variant of the turned picture").isEqualTo("160x213");
            assertThat(Http.getJson(server.uri("/api/cameras/shelf")).getJsonArray("variant-widths"))
                    .as("widths below the turned width, 240").hasSize(1);
        }
    }

    private static String camera(String name, Path folder, String keys) {
        return """
                    - name: %s
                      driver: sim
                      folder: %s
                      fps: 5
                      %s
                """.formatted(name, folder, keys);
    }

    private Path folder(String name, byte[] jpeg) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve("frame.jpg"), jpeg);
        return folder;
    }

    private static byte[] jpegtran(byte[] jpeg, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of("jpegtran", "-perfect"));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var in = process.getOutputStream()) {
            in.write(jpeg);
        }
        byte[] turned = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("jpegtran %s", options).isZero();
        return turned;
    }

    private static int[] pixels(byte[] jpeg) {
        BufferedImage image = Pictures.decode(jpeg);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static byte[] noise(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Smooth shapes with some noise, so that every block has its own coefficients.
                int r = (x * 255 / width + random.nextInt(40)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(40)) & 0xFF;
                int b = ((x + y) & 0xFF) ^ random.nextInt(16);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}

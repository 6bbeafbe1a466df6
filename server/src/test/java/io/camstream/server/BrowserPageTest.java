package io.camstream.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer page in a real browser: every camera shows live pictures at its own size. */
class BrowserPageTest {

    /** Per picture: its stream URL, natural size, and a hash of its pixels drawn into a canvas. */
    private static final String READ_PICTURES = """
            [...document.querySelectorAll("main img")].map(img => {
              const canvas = document.createElement("canvas");
              canvas.width = img.naturalWidth;
              canvas.height = img.naturalHeight;
              let hash = 0;
              if (canvas.width > 0) {
                const g = canvas.getContext("2d");
                g.drawImage(img, 0, 0);
                const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 0; i < data.length; i += 4) {
                  hash = (hash * 31 + data[i] + 3 * data[i + 1] + 7 * data[i + 2]) | 0;
                }
              }
              return {src: img.src, width: img.naturalWidth, height: img.naturalHeight, hash: hash};
            })""";

    @Test
    void everyCameraOnThePageHasItsSizeAndMovingPixels() throws Exception {
        Tools.require("chromium");
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 640
                      height: 360
                      fps: 10
                    - name: door
                      driver: sim
                      width: 320
                      height: 240
                      fps: 5
                """);
             Chromium chromium = Chromium.open(server.uri("/"), 1280, 800)) {
            List<JsonObject> first = awaitAllShown(chromium, 2);
            Thread.sleep(1000);
            List<JsonObject> second = pictures(chromium);

            assertThat(first).extracting(p -> p.getString("src")).containsExactly(
                    server.uri("/cameras/desk/stream?advance_headers=1").toString(),
                    server.uri("/cameras/door/stream?advance_headers=1").toString());
            assertThat(second).extracting(p -> p.getInt("width") + "x" + p.getInt("height"))
                    .containsExactly("640x360", "320x240");
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i).getInt("hash")).as("pixels of %s a second later", first.get(i).getString("src"))
                        .isNotEqualTo(first.get(i).getInt("hash"));
            }
            saveForReadme(chromium.screenshot());
        }
    }

    @Test
    void cameraPageShowsLiveFiguresAndAClearNoticeWhileTheCameraIsOffline() throws Exception {
        Tools.require("chromium");
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: attic
                      driver: broken
                      width: 320
                      height: 240
                """);
             Chromium chromium = Chromium.open(server.uri("/cameras/attic"), 800, 600)) {
            String notice = """
                    (() => { const n = document.getElementById("offline");
                             return !n || n.hidden ? "" : n.textContent + " | " + document.getElementById("state").textContent
                                 + " | " + document.querySelector("a[download]").getAttribute("href"); })()""";
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String shown = "";
            while (shown.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                shown = ((jakarta.json.JsonString) chromium.evaluate(notice)).getString();
            }
            assertThat(shown).isEqualTo("Camera offline: cannot open /dev/video9: No such device. Retrying… | offline"
                    + " | /cameras/attic/snapshot");
        }
    }

    private static List<JsonObject> awaitAllShown(Chromium chromium, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<JsonObject> pictures = pictures(chromium);
            if (pictures.size() == count && pictures.stream().allMatch(p -> p.getInt("width") > 0)) {
                return pictures;
            }
            assertThat(System.nanoTime()).as("every picture shown within 15 s: %s", pictures).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<JsonObject> pictures(Chromium chromium) throws Exception {
        JsonArray array = chromium.evaluate(READ_PICTURES).asJsonArray();
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    /**
     * Keeps what the browser showed in target/; with {@code -Dcamstream.update-screenshot=true} also as README's
     * picture, so an ordinary test run leaves the source tree unchanged.
     */
    private static void saveForReadme(byte[] png) throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "screenshot.png"), png);
        if (Boolean.getBoolean("camstream.update-screenshot")) {
            Files.write(Path.of("..", "docs", "screenshot.png"), png);
        }
    }
}

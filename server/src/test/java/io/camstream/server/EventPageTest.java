package io.camstream.server;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The camera page in a real browser: it lists the camera's events with their thumbnails and plays one. */
class EventPageTest {

    /** The first listed event: its thumbnail's natural width, and whether its button can be pressed. */
    private static final String FIRST_EVENT = """
            (() => { const b = document.querySelector("#event-list button");
                     if (!b) return {width: 0, enabled: false, caption: ""};
                     const img = b.querySelector("img");
                     return {width: img.complete ? img.naturalWidth : 0, enabled: !b.disabled,
                             caption: b.textContent}; })()""";

    /** The player's picture: its source, natural size and a hash of its pixels. */
    private static final String PLAYER = """
            (() => { const img = document.getElementById("playback");
                     const canvas = document.createElement("canvas");
                     canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                     let hash = 0;
                     if (canvas.width > 0) {
                       const g = canvas.getContext("2d");
                       g.drawImage(img, 0, 0);
                       const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
                       for (let i = 0; i < data.length; i += 4) { hash = (hash * 31 + data[i]) | 0; }
                     }
                     return {src: img.getAttribute("src") || "", width: img.naturalWidth, hash: hash,
                             shown: !document.getElementById("player").hidden}; })()""";

    @TempDir
    Path dir;

    @Test
    void theCameraPageListsAnEventWithItsThumbnailAndPlaysItsFrames() throws Exception {
        Tools.require("chromium");
        try (RunningServer server = RunningServer.start("""
                camstream:
                  data-dir: %s
                  cameras:
                    - name: door
                      driver: motion-script
                      fps: 20
                      width: 320
                      height: 240
                      motion:
                        enabled: true
                        event-gap: 1s
                      recording:
                        mode: motion
                        pre-capture: 1s
                        post-capture: 1s
                        min-free: 0
                """.formatted(dir))) {
            Await.until("the script's event recorded", Duration.ofSeconds(30), () -> {
                MotionScriptProvider.Script script = MotionScriptProvider.SCRIPTS.get("door");
                return script != null && script.done() && Http.getTextQuietly(
                        server.uri("/api/cameras/door/recordings")).contains("\"open\":false");
            });
            try (Chromium chromium = Chromium.open(server.uri("/cameras/door"), 1000, 1200)) {
                JsonObject event = awaitValue(chromium, FIRST_EVENT, e -> e.getInt("width") > 0);
                assertThat(event.getInt("width")).as("the thumbnail's width").isEqualTo(320);
                assertThat(event.getBoolean("enabled")).isTrue();
                assertThat(event.getString("caption")).contains(" s");

                chromium.evaluate("document.querySelector('#event-list button').click()");
                JsonObject playing = awaitValue(chromium, PLAYER, p -> p.getInt("width") > 0);
                assertThat(playing.getBoolean("shown")).isTrue();
                assertThat(playing.getString("src")).startsWith("/cameras/door/recordings/1/stream")
                        .contains("advance_headers=1");
                assertThat(playing.getInt("width")).isEqualTo(320);
                Set<Integer> pictures = new HashSet<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (pictures.size() < 3 && System.nanoTime() < deadline) {
                    pictures.add(((JsonObject) chromium.evaluate(PLAYER)).getInt("hash"));
                    Thread.sleep(150);
                }
                assertThat(pictures).as("different frames of the recording shown").hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    private static JsonObject awaitValue(Chromium chromium, String script,
                                         java.util.function.Predicate<JsonObject> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonObject value = chromium.evaluate(script).asJsonObject();
            if (done.test(value)) {
                return value;
            }
            assertThat(System.nanoTime()).as("waiting in the page for %s", value).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}

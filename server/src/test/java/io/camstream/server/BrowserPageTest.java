package io.camstream.server;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer pages in real browsers, over plain HTTP/1.1: the grid shows every camera moving however many there are
 * (browsers open about six connections per host), and fetches nothing for tiles off-screen or in a hidden tab; the
 * camera page shows the live stream at the turned size, and closes it in a hidden tab.
 */
class BrowserPageTest {

    /**
     * Per live picture (a grid tile or the camera page's stream, not the event player): its URL, natural size, and a
     * hash of its pixels drawn into a canvas.
     */
    private static final String READ_PICTURES = """
            [...document.querySelectorAll("main img[data-tile], main img[data-stream]")].map(img => {
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

    /** The cameras whose tiles lie wholly below the window. */
    private static final String OFF_SCREEN = """
            [...document.querySelectorAll("main img")]
                .filter(img => img.getBoundingClientRect().top > window.innerHeight)
                .map(img => img.dataset.tile.split("/")[2])""";

    private static final int CAMERAS = 12;

    @ParameterizedTest
    @ValueSource(strings = {"chromium", "firefox-esr"})
    void gridOfTwelveCamerasOverPlainHttpShowsEveryCameraMovingFromSnapshotsOfASmallVariant(String name)
            throws Exception {
        Tools.require(name);
        try (RunningServer server = RunningServer.start(cameras(CAMERAS));
             CountingRelay relay = new CountingRelay(server.port());
             Browser browser = Browser.open(name, page(relay, "/"), 1280, 1400)) {
            List<JsonObject> first = awaitAllShown(browser, CAMERAS, CAMERAS);
            Thread.sleep(1500);
            List<JsonObject> second = pictures(browser);

            assertThat(second).extracting(p -> p.getInt("width") + "x" + p.getInt("height"))
                    .as("every tile shows the 320 px variant of its 640x360 camera")
                    .containsOnly("320x180").hasSize(CAMERAS);
            for (int i = 0; i < CAMERAS; i++) {
                assertThat(second.get(i).getInt("hash")).as("pixels of tile %d a second and a half later", i)
                        .isNotEqualTo(first.get(i).getInt("hash"));
            }
            List<String> requests = relay.requests();
            assertThat(requests).as("no tile holds a stream, which would take a connection for good")
                    .noneMatch(target -> target.contains("/stream"));
            for (String camera : names(CAMERAS)) {
                assertThat(requests).as("snapshots of %s", camera)
                        .filteredOn(target -> target.startsWith("/cameras/" + camera + "/snapshot?width=320&n="))
                        .hasSizeGreaterThan(2);
            }
            if (browser instanceof Chromium chromium) {
                saveForReadme(chromium.screenshot());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chromium", "firefox-esr"})
    void tilesOffScreenAndAPageInAHiddenTabFetchNothing(String name) throws Exception {
        Tools.require(name);
        try (RunningServer server = RunningServer.start(cameras(CAMERAS));
             CountingRelay relay = new CountingRelay(server.port());
             Browser browser = Browser.open(name, page(relay, "/"), 1280, 500)) {
            awaitAllShown(browser, CAMERAS, 2);
            List<String> offScreen = strings(browser.evaluate(OFF_SCREEN));
            Thread.sleep(2000);
            assertThat(offScreen).as("a window of 500 px leaves the lower rows off-screen").hasSizeGreaterThan(2);
            for (String camera : offScreen) {
                assertThat(relay.requests()).as("requests for %s, off-screen", camera)
                        .noneMatch(target -> target.startsWith("/cameras/" + camera + "/"));
            }

            browser.evaluate("window.scrollTo(0, document.body.scrollHeight)");
            awaitAllShown(browser, CAMERAS, CAMERAS);

            browser.hidePage();
            await("the page is hidden", () -> browser.evaluate("document.hidden") == JsonValue.TRUE);
            Thread.sleep(1000);
            int hidden = relay.requests().size();
            Thread.sleep(2500);
            assertThat(relay.requests()).as("requests while the tab is hidden").hasSize(hidden);

            browser.showPage();
            await("snapshots again once the tab is shown", () -> relay.requests().size() > hidden + CAMERAS / 2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"chromium", "firefox-esr"})
    void cameraPageShowsTheLiveStreamAtTheTurnedSizeAndClosesItInAHiddenTab(String name) throws Exception {
        Tools.require(name);
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: shelf
                      driver: sim
                      width: 640
                      height: 360
                      fps: 10
                      rotate: 90
                """);
             Browser browser = Browser.open(name, server.uri("/cameras/shelf"), 800, 1000)) {
            List<JsonObject> shown = awaitAllShown(browser, 1, 1);
            assertThat(shown.getFirst().getString("src")).startsWith(server.uri("/cameras/shelf/stream").toString());
            assertThat(shown.getFirst().getInt("width") + "x" + shown.getFirst().getInt("height"))
                    .as("the full picture, turned").isEqualTo("360x640");
            assertThat(browser.evaluate("document.querySelector('img[data-stream]').width + 'x'"
                    + " + document.querySelector('img[data-stream]').height"))
                    .as("laid out at the turned size before any frame came")
                    .isInstanceOfSatisfying(JsonString.class, s -> assertThat(s.getString()).isNotEqualTo("0x0"));
            URI state = server.uri("/api/cameras/shelf");
            assertThat(Http.getJson(state).getJsonObject("viewers").getInt("count")).isEqualTo(1);

            browser.hidePage();
            await("the stream closes in a hidden tab",
                    () -> Http.getJson(state).getJsonObject("viewers").getInt("count") == 0);
            browser.showPage();
            await("the stream opens again when the tab is shown",
                    () -> Http.getJson(state).getJsonObject("viewers").getInt("count") == 1);
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
                shown = ((JsonString) chromium.evaluate(notice)).getString();
            }
            assertThat(shown).isEqualTo("Camera offline: cannot open /dev/video9: No such device. Retrying… | offline"
                    + " | /cameras/attic/snapshot");
        }
    }

    private static String cameras(int count) {
        return "camstream:\n  cameras:\n" + names(count).stream().map(name -> """
                    - name: %s
                      driver: sim
                      width: 640
                      height: 360
                      fps: 10
                """.formatted(name)).collect(Collectors.joining());
    }

    private static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "cam%02d".formatted(i)).toList();
    }

    private static URI page(CountingRelay relay, String path) {
        return URI.create("http://127.0.0.1:" + relay.port() + path);
    }

    /** Waits until the page has its pictures and the first few of them show one. */
    private static List<JsonObject> awaitAllShown(Browser browser, int count, int shown) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<JsonObject> pictures = pictures(browser);
            if (pictures.size() == count && pictures.stream().limit(shown).allMatch(p -> p.getInt("width") > 0)) {
                return pictures;
            }
            assertThat(System.nanoTime()).as("%d of %d pictures shown within 20 s: %s", shown, count, pictures)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void await(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as(what + " within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static List<JsonObject> pictures(Browser browser) throws Exception {
        JsonArray array = browser.evaluate(READ_PICTURES).asJsonArray();
        return array.stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> strings(JsonValue array) {
        return array.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList();
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

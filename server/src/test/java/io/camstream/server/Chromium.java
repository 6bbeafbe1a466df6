package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Headless Chromium showing one page, driven over the DevTools protocol: evaluate JavaScript in the page, take a
 * screenshot, hide the page behind another tab and show it again.
 */
final class Chromium implements Browser {

    private final BrowserSocket browser;
    private final String pageId;

    private Chromium(BrowserSocket browser, String pageId) {
        this.browser = browser;
        this.pageId = pageId;
    }

    static Chromium open(URI page, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("camstream-chromium");
        Process process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, page.toString())
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        BrowserSocket browser = new BrowserSocket(process, profile);
        try {
            JsonObject target = pageTarget(devToolsPort(process, profile));
            browser.connect(URI.create(target.getString("webSocketDebuggerUrl")));
            return new Chromium(browser, target.getString("id"));
        } catch (Exception | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public JsonValue evaluate(String expression) throws Exception {
        JsonObject result = browser.call("Runtime.evaluate", Json.createObjectBuilder()
                .add("expression", expression)
                .add("returnByValue", true)
                .add("awaitPromise", true)
                .build());
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.getJsonObject("result").getOrDefault("value", JsonValue.NULL);
    }

    @Override
    public void hidePage() throws Exception {
        browser.call("Target.createTarget", Json.createObjectBuilder().add("url", "about:blank").build());
    }

    @Override
    public void showPage() throws Exception {
        browser.call("Target.activateTarget", Json.createObjectBuilder().add("targetId", pageId).build());
    }

    byte[] screenshot() throws Exception {
        JsonObject result = browser.call("Page.captureScreenshot",
                Json.createObjectBuilder().add("format", "png").build());
        return Base64.getDecoder().decode(result.getString("data"));
    }

    @Override
    public void close() throws IOException {
        browser.close();
    }

    private static int devToolsPort(Process process, Path profile) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + BrowserSocket.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.getFirst().isBlank()) {
                    return Integer.parseInt(lines.getFirst().trim());
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("chromium opened no DevTools port within " + BrowserSocket.TIMEOUT.toSeconds()
                + " s");
    }

    private static JsonObject pageTarget(int port) throws Exception {
        String list = Http.getText(URI.create("http://127.0.0.1:" + port + "/json/list")).body();
        return Json.createReader(new StringReader(list)).readArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> "page".equals(t.getString("type")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("chromium shows no page: " + list));
    }
}

package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium showing one page, driven over the DevTools protocol: evaluate JavaScript in the page, take a
 * screenshot.
 */
final class Chromium implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
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
        try {
            String target = pageTarget(devToolsPort(process, profile));
            Chromium chromium = new Chromium(process, profile);
            chromium.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(target), chromium.listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return chromium;
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Evaluates a JavaScript expression (a promise is awaited) and returns its value as JSON. */
    JsonValue evaluate(String expression) throws Exception {
        JsonObject result = call("Runtime.evaluate", Json.createObjectBuilder()
                .add("expression", expression)
                .add("returnByValue", true)
                .add("awaitPromise", true)
                .build());
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.getJsonObject("result").getOrDefault("value", JsonValue.NULL);
    }

    byte[] screenshot() throws Exception {
        JsonObject result = call("Page.captureScreenshot", Json.createObjectBuilder().add("format", "png").build());
        return Base64.getDecoder().decode(result.getString("data"));
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.abort();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.createObjectBuilder().add("id", id).add("method", method).add("params", params)
                .build().toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonObject message = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new AssertionError(method + " failed: " + message.get("error"));
        }
        return message.getJsonObject("result");
    }

    private WebSocket.Listener listener() {
        StringBuilder text = new StringBuilder();
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    JsonObject message = Json.createReader(new StringReader(text.toString())).readObject();
                    text.setLength(0);
                    if (message.containsKey("id")) {
                        CompletableFuture<JsonObject> answer = pending.remove(message.getInt("id"));
                        if (answer != null) {
                            answer.complete(message);
                        }
                    }
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    private static int devToolsPort(Process process, Path profile) throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
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
        throw new AssertionError("chromium opened no DevTools port within " + TIMEOUT.toSeconds() + " s");
    }

    private static String pageTarget(int port) throws Exception {
        String list = Http.getText(URI.create("http://127.0.0.1:" + port + "/json/list")).body();
        return Json.createReader(new StringReader(list)).readArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> "page".equals(t.getString("type")))
                .map(t -> t.getString("webSocketDebuggerUrl"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("chromium shows no page: " + list));
    }
}

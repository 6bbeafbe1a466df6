package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A browser process and the WebSocket a test drives it over, with numbered commands and their answers: Chromium's
 * DevTools protocol and WebDriver BiDi (Firefox) both send {@code {"id", "method", "params"}} and answer with the id
 * and a {@code result} or an {@code error}. Closing ends the process and removes its profile.
 */
final class BrowserSocket implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket socket;

    BrowserSocket(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    Process process() {
        return process;
    }

    Path profile() {
        return profile;
    }

    BrowserSocket connect(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Sends a command and returns its result; an error answer fails the test. */
    JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.createObjectBuilder().add("id", id).add("method", method).add("params", params)
                .build().toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonObject message = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new AssertionError(method + " failed: " + message);
        }
        return message.getJsonObject("result");
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
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
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
                    if (message.containsKey("id") && !message.isNull("id")) {
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
}

package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Questions to a camstream on a port of this machine that a test asks while it waits for something: failures are
 * unchecked, so that they may be asked in a condition.
 *
 * @param port the port it serves plain HTTP on
 */
record Endpoint(int port) {

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int status(String path) {
        return get(path).statusCode();
    }

    String text(String path) {
        return get(path).body();
    }

    JsonObject json(String path) {
        return Json.createReader(new StringReader(text(path))).readObject();
    }

    /** One check of {@code /observe/health}, by name. */
    JsonObject healthCheck(String name) {
        return json("/observe/health").getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + name));
    }

    private HttpResponse<String> get(String path) {
        try {
            return Http.getText(uri(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

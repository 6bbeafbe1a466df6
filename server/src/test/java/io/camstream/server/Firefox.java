package io.camstream.server;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Firefox (Debian's {@code firefox-esr}) showing one page, driven over WebDriver BiDi, which Firefox speaks
 * natively: evaluate JavaScript in the page, hide the page behind another tab and show it again.
 */
final class Firefox implements Browser {

    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");

    private final BrowserSocket browser;
    private final String page;

    private Firefox(BrowserSocket browser, String page) {
        this.browser = browser;
        this.page = page;
    }

    static Firefox open(URI url, int width, int height) throws Exception {
        Path profile = Files.createTempDirectory("camstream-firefox");
        Process process = new ProcessBuilder("firefox-esr", "--headless", "--no-remote", "--profile",
                profile.toString(), "--remote-debugging-port", "0", "--width", String.valueOf(width), "--height",
                String.valueOf(height))
                .redirectErrorStream(true)
                .start();
        BrowserSocket browser = new BrowserSocket(process, profile);
        try {
            browser.connect(URI.create(endpoint(process) + "/session"));
            browser.call("session.new", Json.createObjectBuilder()
                    .add("capabilities", Json.createObjectBuilder()).build());
            String context = browser.call("browsingContext.getTree", JsonValue.EMPTY_JSON_OBJECT)
                    .getJsonArray("contexts").getJsonObject(0).getString("context");
            browser.call("browsingContext.navigate", Json.createObjectBuilder()
                    .add("context", context).add("url", url.toString()).add("wait", "complete").build());
            return new Firefox(browser, context);
        } catch (Exception | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /** The page's value goes through JSON text: BiDi's own serialisation of values is a tree of typed nodes. */
    @Override
    public JsonValue evaluate(String expression) throws Exception {
        JsonObject result = browser.call("script.evaluate", Json.createObjectBuilder()
                .add("expression", "(async () => JSON.stringify(await (" + expression + ")))()")
                .add("target", Json.createObjectBuilder().add("context", page))
                .add("awaitPromise", true)
                .build());
        if (!"success".equals(result.getString("type"))) {
            throw new AssertionError("JavaScript failed: " + result);
        }
        JsonObject value = result.getJsonObject("result");
        return value.containsKey("value")
                ? Json.createReader(new StringReader(value.getString("value"))).readValue()
                : JsonValue.NULL;
    }

    @Override
    public void hidePage() throws Exception {
        browser.call("browsingContext.create", Json.createObjectBuilder().add("type", "tab").build());
    }

    @Override
    public void showPage() throws Exception {
        browser.call("browsingContext.activate", Json.createObjectBuilder().add("context", page).build());
    }

    @Override
    public void close() throws IOException {
        browser.close();
    }

    /** Reads Firefox's output until it names the BiDi endpoint, then keeps draining it so that Firefox never blocks. */
    private static String endpoint(Process process) throws Exception {
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        endpoint.complete(listening.group(1));
                    } else if (!endpoint.isDone()) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            endpoint.completeExceptionally(new AssertionError("firefox-esr ended without a BiDi endpoint: "
                    + output));
        });
        return endpoint.get(BrowserSocket.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}

package io.camstream.server;

import jakarta.json.JsonValue;

import java.net.URI;

/** A headless browser showing one page, driven by a test. */
interface Browser extends AutoCloseable {

    /**
     * Opens a browser on a page.
     *
     * @param name   {@code chromium} or {@code firefox-esr}
     * @param page   the page
     * @param width  the window's width
     * @param height the window's height
     * @return the browser
     * @throws Exception when it cannot be started
     */
    static Browser open(String name, URI page, int width, int height) throws Exception {
        return switch (name) {
            case "chromium" -> Chromium.open(page, width, height);
            case "firefox-esr" -> Firefox.open(page, width, height);
            default -> throw new IllegalArgumentException("no such browser: " + name);
        };
    }

    /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its value as JSON. */
    JsonValue evaluate(String expression) throws Exception;

    /** Opens another tab in front of the page, which the page then sees as {@code document.hidden}. */
    void hidePage() throws Exception;

    /** Brings the page's tab to the front again. */
    void showPage() throws Exception;
}

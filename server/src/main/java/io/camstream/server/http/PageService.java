package io.camstream.server.http;

import io.camstream.core.cameras.Cameras;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The viewer page: every camera live, one {@code <img>} each, in a grid that fits a phone.
 */
public final class PageService implements HttpService {

    private final String page;

    /**
     * Creates the service; the page is rendered once, since the cameras do not change while the server runs.
     *
     * @param cameras the configured cameras
     */
    public PageService(Cameras cameras) {
        String tiles = cameras.names().stream()
                .map(PageService::tile)
                .collect(Collectors.joining("\n"));
        this.page = template().replace("{{cameras}}", tiles);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::index);
    }

    private void index(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        res.send(page);
    }

    private static String tile(String name) {
        // Camera names are limited to letters, digits, '-' and '_', so they need no escaping in HTML or URLs.
        return """
                <figure class="camera">
                  <img src="/cameras/%1$s/stream" alt="Live picture of camera %1$s">
                  <figcaption>%1$s</figcaption>
                </figure>""".formatted(name);
    }

    private static String template() {
        try (InputStream in = PageService.class.getResourceAsStream("/web/index.html")) {
            if (in == null) {
                throw new IllegalStateException("web/index.html is missing from the server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

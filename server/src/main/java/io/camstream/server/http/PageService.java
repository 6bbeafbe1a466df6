package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.text.Printable;
import io.camstream.server.auth.CameraUse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The viewer pages: {@code /} shows every camera the caller may watch live in a grid that fits a phone,
 * {@code /cameras/{name}} one camera large with its live figures. Their style sheet and script are served from the
 * server jar under {@code /assets/}; nothing comes from the internet.
 */
public final class PageService implements CameraService {

    private static final Map<String, String> ASSET_TYPES = Map.of(
            "camstream.css", "text/css; charset=UTF-8",
            "camstream.js", "text/javascript; charset=UTF-8");

    private final String index;
    private final String cameraPage;
    private final Map<String, String> assets;

    /**
     * Creates the service; the templates are read once, the pages filled in for each caller.
     */
    public PageService() {
        this.index = resource("index.html");
        this.cameraPage = resource("camera.html");
        this.assets = ASSET_TYPES.keySet().stream().collect(Collectors.toMap(name -> name, PageService::resource));
    }

    @Override
    public void routing(CameraRoutes routes) {
        // Camera names are limited to letters, digits, '-' and '_', so they need no escaping in HTML or URLs.
        routes.listing("/", (cameras, req, res) -> html(res, index.replace("{{cameras}}", tiles(cameras))))
                .camera("/cameras/{name}", CameraUse.PAGE,
                        (grant, req, res) -> html(res, cameraPage.replace("{{name}}", grant.feed().name())))
                .plain("/assets/{file}", this::asset);
    }

    private void asset(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        String body = assets.get(file);
        if (body == null) {
            res.status(Status.NOT_FOUND_404).send("No asset '" + Printable.escape(file) + "'\n");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, ASSET_TYPES.get(file));
        res.send(body);
    }

    private static void html(ServerResponse res, String page) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        res.send(page);
    }

    private static String tiles(List<CameraFeed> cameras) {
        return cameras.stream().map(feed -> tile(feed.name())).collect(Collectors.joining("\n"));
    }

    private static String tile(String name) {
        return """
                <figure class="camera">
                  <a href="/cameras/%1$s"><img data-stream="/cameras/%1$s/stream" alt="Live picture of camera %1$s"></a>
                  <figcaption><a href="/cameras/%1$s">%1$s</a></figcaption>
                </figure>""".formatted(name);
    }

    private static String resource(String name) {
        try (InputStream in = PageService.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the server jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

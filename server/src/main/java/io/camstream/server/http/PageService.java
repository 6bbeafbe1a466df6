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
 * The viewer pages: {@code /} shows every camera the caller may watch in a grid that fits a phone, each tile a
 * small variant refreshed by snapshots within the browser's connection budget (the script decides),
 * {@code /cameras/{name}} one camera large as a live stream with its live figures. Pictures are laid out at the
 * camera's picture size as viewers see it (turned), so the page does not move when they arrive. The style sheet
 * and script are served from the server jar under {@code /assets/}; nothing comes from the internet.
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
                .camera("/cameras/{name}", CameraUse.PAGE, (grant, req, res) -> html(res, cameraPage(grant.feed())))
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

    private String cameraPage(CameraFeed feed) {
        return cameraPage.replace("{{name}}", feed.name())
                .replace("{{width}}", String.valueOf(feed.stats().width()))
                .replace("{{height}}", String.valueOf(feed.stats().height()));
    }

    private static String tiles(List<CameraFeed> cameras) {
        return cameras.stream().map(PageService::tile).collect(Collectors.joining("\n"));
    }

    /** A tile names the widths its camera offers now, of which the script takes the one that fits the tile. */
    private static String tile(CameraFeed feed) {
        String widths = feed.variants().widths().stream().map(String::valueOf).collect(Collectors.joining(" "));
        return """
                <figure class="camera">
                  <a href="/cameras/%1$s"><img data-tile="/cameras/%1$s/snapshot" data-widths="%2$s" width="%3$d" \
                height="%4$d" alt="Picture of camera %1$s"></a>
                  <figcaption><a href="/cameras/%1$s">%1$s</a></figcaption>
                </figure>""".formatted(feed.name(), widths, feed.stats().width(), feed.stats().height());
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

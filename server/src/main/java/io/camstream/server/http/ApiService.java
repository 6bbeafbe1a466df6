package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.CameraStats;
import io.camstream.core.fanout.FeedSettings;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.core.stage.TurnCounts;
import io.camstream.core.variant.VariantSpec;
import io.camstream.core.variant.VariantState;
import io.camstream.recording.Recorders;
import io.camstream.recording.record.CameraRecorder;
import io.camstream.server.auth.CameraUse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The state as JSON of the cameras the caller may watch: {@code GET /api/cameras} (in configuration order) and
 * {@code GET /api/cameras/{name}}.
 */
public final class ApiService implements CameraService {

    private final Recorders recorders;

    /**
     * Creates the service.
     *
     * @param recorders the cameras' recorders, for their detection and recording state
     */
    public ApiService(Recorders recorders) {
        this.recorders = recorders;
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.listing("/api/cameras", this::all)
                .camera("/api/cameras/{name}", CameraUse.FIGURES, (grant, req, res) -> {
                    NoCache.apply(res);
                    res.send(camera(grant.feed()));
                });
    }

    private void all(List<CameraFeed> cameras, ServerRequest req, ServerResponse res) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        cameras.forEach(feed -> list.add(camera(feed)));
        NoCache.apply(res);
        res.send(Json.createObjectBuilder().add("cameras", list).build());
    }

    private JsonObject camera(CameraFeed feed) {
        CameraStats stats = feed.stats();
        FeedSettings settings = feed.settings();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", feed.name())
                .add("driver", feed.driver())
                .add("capturing", feed.capturing())
                .add("online", stats.online())
                .add("configured", Json.createObjectBuilder()
                        .add("width", settings.width())
                        .add("height", settings.height())
                        .add("fps", settings.fps())
                        .add("max-viewer-fps", settings.maxViewerFps()))
                .add("measured", Json.createObjectBuilder()
                        .add("width", stats.width())
                        .add("height", stats.height())
                        .add("fps", round(stats.captureFps()))
                        .add("frame-bytes", stats.lastFrameBytes()))
                .add("frames-captured", stats.framesCaptured())
                .add("frames-sent", stats.framesSent())
                .add("bytes-sent", stats.bytesSent())
                .add("frames-skipped", stats.framesSkipped())
                .add("frames-unchanged", stats.framesUnchanged())
                .add("driver-restarts", stats.driverRestarts())
                .add("frames-rejected", stats.framesRejected())
                .add("turning", turning(feed))
                .add("variant-widths", widths(feed))
                .add("variants", variants(feed));
        addFailure(json, "last-error", stats.lastError());
        addFailure(json, "last-rejection", stats.lastRejection());
        feed.capturingSince().ifPresentOrElse(
                since -> json.add("capturing-since", since.toString())
                        .add("uptime-seconds", Duration.between(since, Instant.now()).toSeconds()),
                () -> json.addNull("capturing-since").add("uptime-seconds", 0));
        JsonObjectBuilder details = Json.createObjectBuilder();
        feed.driverDetails().forEach(details::add);
        json.add("driver-details", details);
        json.add("viewers", viewers(feed));
        Optional<CameraRecorder> recorder = recorders.find(feed.name());
        return json.add("motion", RecorderState.motion(recorder))
                .add("recording", RecorderState.recording(recorder))
                .build();
    }

    private static JsonObjectBuilder turning(CameraFeed feed) {
        TurnCounts turns = feed.turns();
        String turn = feed.settings().picture().turn().name().toLowerCase(Locale.ROOT).replace('_', '-');
        JsonObjectBuilder json = Json.createObjectBuilder().add("by-camstream", turn);
        for (JpegTransformer.Path path : TurnCounts.TURNED) {
            json.add(TurnCounts.label(path), turns.turned(path));
        }
        return json.add("unturned", turns.unturned())
                .add("turn-ms", hundredths(turns.averageMillis()));
    }

    private static JsonArrayBuilder widths(CameraFeed feed) {
        JsonArrayBuilder widths = Json.createArrayBuilder();
        feed.variants().widths().forEach(widths::add);
        return widths;
    }

    private static JsonArrayBuilder variants(CameraFeed feed) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (VariantState variant : feed.variants().states()) {
            list.add(Json.createObjectBuilder()
                    .add("width", variant.width() > 0 ? variant.width() : variant.spec().width())
                    .add("height", variant.height())
                    .add("quality", variant.spec().quality())
                    .add("viewers", variant.viewers())
                    .add("frames-encoded", variant.framesEncoded())
                    .add("frames-skipped", variant.framesSkipped())
                    .add("encode-ms", hundredths(variant.encodeMillis()))
                    .add("frame-bytes", variant.frameBytes()));
        }
        return list;
    }

    private static void addFailure(JsonObjectBuilder json, String key, Optional<CameraStats.Failure> failure) {
        failure.ifPresentOrElse(
                f -> json.add(key, Json.createObjectBuilder()
                        .add("message", f.message())
                        .add("time", f.time().toString())),
                () -> json.addNull(key));
    }

    private static JsonObjectBuilder viewers(CameraFeed feed) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        var viewers = feed.streamingViewers().stream()
                .sorted(Comparator.comparing(Viewer::connectedSince))
                .toList();
        for (Viewer viewer : viewers) {
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("remote-address", viewer.options().remoteAddress().orElse(""))
                    .add("connected-since", viewer.connectedSince().toString())
                    .add("frames-sent", viewer.framesSent())
                    .add("bytes-sent", viewer.bytesSent())
                    .add("fps", round(viewer.recentFps()))
                    .add("max-fps", round(viewer.options().maxFps()));
            viewer.options().variant().ifPresentOrElse(
                    variant -> entry.add("variant", variant(variant)),
                    () -> entry.addNull("variant"));
            list.add(entry);
        }
        return Json.createObjectBuilder().add("count", viewers.size()).add("list", list);
    }

    private static JsonObjectBuilder variant(VariantSpec spec) {
        return Json.createObjectBuilder().add("width", spec.width()).add("quality", spec.quality());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

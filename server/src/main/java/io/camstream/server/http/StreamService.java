package io.camstream.server.http;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.mjpeg.MjpegFormat;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live streams and snapshots: {@code /video_feed} (the default camera, the seed's URL),
 * {@code /cameras/{name}/stream} and {@code /cameras/{name}/snapshot}.
 */
public final class StreamService implements HttpService {

    private static final System.Logger LOGGER = System.getLogger(StreamService.class.getName());
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private static final HttpChunk STREAM_START = HttpChunk.of(MjpegFormat.streamStart());

    private final CameraLookup lookup;
    private final Map<CameraFeed, FrameChunks> chunks = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param cameras the configured cameras
     */
    public StreamService(Cameras cameras) {
        this.lookup = new CameraLookup(cameras);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/video_feed", (req, res) -> stream(lookup.defaultCamera(), req, res))
                .get("/cameras/{name}/stream", (req, res) -> lookup.byPathName(req, res)
                        .ifPresent(feed -> stream(feed, req, res)))
                .get("/cameras/{name}/snapshot", (req, res) -> lookup.byPathName(req, res)
                        .ifPresent(feed -> snapshot(feed, res)));
    }

    private void stream(CameraFeed feed, ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, MjpegFormat.CONTENT_TYPE);
        NoCache.apply(res);
        String viewer = req.remotePeer().address().toString();
        FrameChunks frameChunks = chunks.computeIfAbsent(feed, f -> new FrameChunks());
        try (Viewer seat = feed.attach(); ChunkedStream out = res.sink(ChunkedStream.TYPE)) {
            // Headers and the first boundary go out at once, so the client knows the stream is alive.
            out.emit(STREAM_START);
            for (Optional<StreamFrame> frame = seat.next(); frame.isPresent(); frame = seat.next()) {
                out.emit(frameChunks.of(frame.get()));
            }
        } catch (ServerConnectionException | UncheckedIOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Viewer {0} of camera {1} left: {2}", viewer, feed.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void snapshot(CameraFeed feed, ServerResponse res) {
        Optional<StreamFrame> frame;
        try {
            frame = feed.snapshot(SNAPSHOT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.status(Status.SERVICE_UNAVAILABLE_503).send("The server is stopping\n");
            return;
        }
        NoCache.apply(res);
        if (frame.isEmpty()) {
            res.status(Status.SERVICE_UNAVAILABLE_503)
                    .send("Camera '" + feed.name() + "' gave no picture within " + SNAPSHOT_WAIT.toSeconds() + " s\n");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "image/jpeg");
        res.header("X-Timestamp", MjpegFormat.timestamp(frame.get().frame().captureTime()));
        res.send(frame.get().frame().jpeg());
    }
}

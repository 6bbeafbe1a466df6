package io.camstream.server.http;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.fanout.ViewerOptions;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.core.mjpeg.PartCache;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live streams and snapshots: {@code /video_feed} (the default camera, the seed's URL),
 * {@code /cameras/{name}/stream} and {@code /cameras/{name}/snapshot}. Streams take the query parameters of
 * {@link StreamRequest}.
 */
public final class StreamService implements HttpService {

    private static final System.Logger LOGGER = System.getLogger(StreamService.class.getName());
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private static final byte[] CLOSING = MjpegFormat.closing();

    private final CameraLookup lookup;
    private final ViewerLimits limits;
    private final WriteWatchdog watchdog;
    /** Each camera's newest frame as parts on the wire, assembled once for all its viewers. */
    private final Map<CameraFeed, PartCache> parts = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param cameras  the configured cameras
     * @param limits   how many streams may run
     * @param watchdog disconnects viewers that stop reading
     */
    public StreamService(Cameras cameras, ViewerLimits limits, WriteWatchdog watchdog) {
        this.lookup = new CameraLookup(cameras);
        this.limits = limits;
        this.watchdog = watchdog;
    }

    /**
     * The mjpg-streamer and µStreamer URLs, served by this service's streams and snapshots.
     *
     * @return the compatibility service
     */
    public CompatService compatibility() {
        return new CompatService(lookup, this);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/video_feed", (req, res) -> stream(lookup.defaultCamera(), req, res))
                .get("/cameras/{name}/stream", (req, res) -> lookup.byPathName(req, res)
                        .ifPresent(feed -> stream(feed, req, res)))
                .get("/cameras/{name}/snapshot", (req, res) -> lookup.byPathName(req, res)
                        .ifPresent(feed -> snapshot(feed, res)))
                .head("/video_feed", (req, res) -> streamHeaders(res))
                .head("/cameras/{name}/stream", (req, res) -> lookup.byPathName(req, res)
                        .ifPresent(feed -> streamHeaders(res)));
    }

    /** HEAD on a stream: the headers a stream would start with, and no endless body. */
    static void streamHeaders(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, MjpegFormat.CONTENT_TYPE);
        NoCache.apply(res);
        res.send();
    }

    void stream(CameraFeed feed, ServerRequest req, ServerResponse res) {
        StreamRequest request;
        try {
            request = StreamRequest.of(req, feed);
        } catch (StreamRequest.Invalid e) {
            res.status(Status.BAD_REQUEST_400).send(e.getMessage() + "\n");
            return;
        }
        Optional<ViewerLimits.Seat> admitted = limits.admit(feed, res);
        if (admitted.isEmpty()) {
            return;
        }
        ViewerOptions options = request.viewer();
        PartCache cache = parts.computeIfAbsent(feed, f -> new PartCache());
        try (ViewerLimits.Seat limit = admitted.get();
             Viewer seat = feed.attach(options)) {
            serve(seat, request, cache, res, "camera " + feed.name(), () -> { });
        }
    }

    /**
     * Plays frames that are not the camera's live ones (a recording) to a client, under the same limits as a live
     * stream of the camera and through the same stream code: the player publishes into its own fan-out on a thread
     * of its own, which is interrupted when the client leaves.
     *
     * @param feed    the camera the frames belong to, for its viewer limits
     * @param request what the client asked for
     * @param res     the response, not yet started
     * @param fanout  where the player publishes
     * @param player  publishes the frames, then closes the fan-out
     * @param source  what is watched, for messages
     */
    void play(CameraFeed feed, StreamRequest request, ServerResponse res, FrameFanout fanout, Runnable player,
              String source) {
        Optional<ViewerLimits.Seat> admitted = limits.admit(feed, res);
        if (admitted.isEmpty()) {
            return;
        }
        AtomicReference<Thread> playing = new AtomicReference<>();
        try (ViewerLimits.Seat limit = admitted.get();
             Viewer seat = fanout.viewer(request.viewer(), request.viewer().maxFps(), viewer -> { })) {
            // The player starts once the viewer is about to wait, so that it does not miss the first frames.
            serve(seat, request, new PartCache(), res, source,
                    () -> playing.set(Thread.ofVirtual().name("playback").start(player)));
        } finally {
            Thread thread = playing.get();
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * Writes a viewer's frames as a multipart stream until its source closes or the client leaves: live cameras
     * and recordings played back alike.
     *
     * @param seat    the viewer
     * @param request what the client asked for
     * @param cache   the source's frames as parts, shared by its viewers
     * @param res     the response, not yet started
     * @param source  what is watched, for messages
     * @param started run once the stream's start has been sent, before the first frame is awaited
     */
    void serve(Viewer seat, StreamRequest request, PartCache cache, ServerResponse res, String source,
               Runnable started) {
        res.header(HeaderNames.CONTENT_TYPE, MjpegFormat.CONTENT_TYPE);
        NoCache.apply(res);
        MjpegFormat.Layout layout = request.advanceHeaders()
                ? MjpegFormat.Layout.ADVANCE_HEADERS : MjpegFormat.Layout.STANDARD;
        String viewer = request.viewer().remoteAddress().orElse("?");
        try (WriteWatchdog.Watch watch = watchdog.watch(viewer + " of " + source);
             StreamBody out = res.sink(StreamBody.TYPE)) {
            // Headers and the first boundary go out at once, so the client knows the stream is alive.
            byte[] start = layout.start();
            send(watch, out, start, start.length);
            started.run();
            StreamFrame last = null;
            for (Optional<StreamFrame> frame = seat.next(); frame.isPresent(); frame = seat.next()) {
                byte[] part = cache.part(frame.get(), layout);
                send(watch, out, part, part.length);
                seat.sent(part.length);
                last = frame.get();
            }
            // The source was closed: a complete multipart body ends with the closing boundary, after a part.
            if (last != null) {
                byte[] part = cache.part(last, layout);
                send(watch, out, part, layout.lastPartLength(part));
                send(watch, out, CLOSING, CLOSING.length);
            }
        } catch (ServerConnectionException | UncheckedIOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Viewer {0} of {1} left: {2}", viewer, source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(WriteWatchdog.Watch watch, StreamBody out, byte[] bytes, int length) {
        watch.writing();
        out.write(bytes, length);
        watch.written();
    }

    void snapshot(CameraFeed feed, ServerResponse res) {
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

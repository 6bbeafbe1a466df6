package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.fanout.FrameSlot;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.fanout.ViewerOptions;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.core.mjpeg.PartCache;
import io.camstream.core.variant.VariantRefusedException;
import io.camstream.core.variant.VariantSpec;
import io.camstream.server.auth.CameraUse;
import io.camstream.server.head.HeadResponse;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Live streams and snapshots: {@code /video_feed} (the default camera, the seed's URL),
 * {@code /cameras/{name}/stream} and {@code /cameras/{name}/snapshot}. Streams take the query parameters of
 * {@link StreamRequest}, snapshots its {@code width=} and {@code quality=}. Each gets its camera from the registrar,
 * which checked the caller's right to it.
 */
public final class StreamService implements CameraService {

    private static final System.Logger LOGGER = System.getLogger(StreamService.class.getName());
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(10);

    private static final byte[] CLOSING = MjpegFormat.closing();

    private final ViewerLimits limits;
    private final WriteWatchdog watchdog;
    /**
     * The newest frame of each camera and each variant as parts on the wire, assembled once for all its viewers; a
     * variant's entry goes with its slot when the variant is dropped, a camera's when it is removed or replaced while
     * the server runs and its last stream has ended.
     */
    private final Map<FrameSlot, PartCache> parts = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Creates the service.
     *
     * @param limits   how many streams may run
     * @param watchdog disconnects viewers that stop reading, or whose right to watch ended
     */
    public StreamService(ViewerLimits limits, WriteWatchdog watchdog) {
        this.limits = limits;
        this.watchdog = watchdog;
    }

    /**
     * The mjpg-streamer and µStreamer URLs, served by this service's streams and snapshots.
     *
     * @return the compatibility service
     */
    public CompatService compatibility() {
        return new CompatService(this);
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.camera("/video_feed", CameraUse.STREAM, this::stream)
                .camera("/cameras/{name}/stream", CameraUse.STREAM, this::stream)
                .camera("/cameras/{name}/snapshot", CameraUse.SNAPSHOT, this::snapshot);
    }

    void stream(Grant grant, ServerRequest req, ServerResponse res) {
        CameraFeed feed = grant.feed();
        StreamRequest request;
        try {
            request = StreamRequest.of(req, feed);
        } catch (StreamRequest.Invalid e) {
            res.status(Status.BAD_REQUEST_400).send(e.getMessage() + "\n");
            return;
        }
        if (HeadResponse.isHead(req)) {
            streamHead(res);
            return;
        }
        Optional<ViewerLimits.Seat> admitted = limits.admit(feed, res);
        if (admitted.isEmpty()) {
            return;
        }
        Optional<Viewer> attached = attach(feed, request.viewer(), res, admitted.get());
        if (attached.isEmpty()) {
            return;
        }
        PartCache cache = parts.computeIfAbsent(attached.get().source(), f -> new PartCache());
        try (ViewerLimits.Seat limit = admitted.get();
             Viewer seat = attached.get()) {
            serve(seat, request, cache, res, "camera " + feed.name(), grant.holds(), () -> { });
        }
    }

    /**
     * Plays frames that are not the camera's live ones (a recording) to a client, under the same limits as a live
     * stream of the camera and through the same stream code: the player publishes into its own fan-out on a thread
     * of its own, started once the viewer waits for its first frame and interrupted when the client leaves.
     *
     * @param grant   the camera the frames belong to, for its viewer limits and the caller's right
     * @param request what the client asked for
     * @param req     the request
     * @param res     the response, not yet started
     * @param fanout  where the player publishes
     * @param player  publishes the frames, then closes the fan-out
     * @param source  what is watched, for messages
     */
    void play(Grant grant, StreamRequest request, ServerRequest req, ServerResponse res, FrameFanout fanout,
              Runnable player, String source) {
        if (HeadResponse.isHead(req)) {
            streamHead(res);
            return;
        }
        Optional<ViewerLimits.Seat> admitted = limits.admit(grant.feed(), res);
        if (admitted.isEmpty()) {
            return;
        }
        AtomicReference<Thread> playing = new AtomicReference<>();
        try (ViewerLimits.Seat limit = admitted.get();
             Viewer seat = fanout.viewer(request.viewer(), request.viewer().maxFps(), viewer -> { })) {
            serve(seat, request, new PartCache(), res, source, grant.holds(),
                    () -> playing.set(Thread.ofVirtual().name("playback").start(player)));
        } finally {
            Thread thread = playing.get();
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /**
     * Writes a viewer's frames as a multipart stream until its source closes, the client leaves or its right to
     * watch ends: live cameras and recordings played back alike.
     *
     * @param seat    the viewer
     * @param request what the client asked for
     * @param cache   the source's frames as parts, shared by its viewers
     * @param res     the response, not yet started
     * @param source  what is watched, for messages
     * @param holds   {@code false} once the caller may no longer watch
     * @param started run once the stream's start has been sent, before the first frame is awaited
     */
    private void serve(Viewer seat, StreamRequest request, PartCache cache, ServerResponse res, String source,
                       BooleanSupplier holds, Runnable started) {
        streamHeaders(res);
        MjpegFormat.Layout layout = request.advanceHeaders()
                ? MjpegFormat.Layout.ADVANCE_HEADERS : MjpegFormat.Layout.STANDARD;
        String viewer = request.viewer().remoteAddress().orElse("?");
        try (WriteWatchdog.Watch watch = watchdog.watch(viewer + " of " + source, holds);
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

    /**
     * Attaches a stream's viewer, or answers and gives the seat back when its variant cannot be had or the camera
     * closed meanwhile.
     */
    private static Optional<Viewer> attach(CameraFeed feed, ViewerOptions options, ServerResponse res,
                                           ViewerLimits.Seat seat) {
        try {
            return Optional.of(feed.attach(options));
        } catch (VariantRefusedException e) {
            seat.close();
            refuse(res, e);
        } catch (IllegalStateException closed) {
            seat.close();
            leaving(feed, res);
        }
        return Optional.empty();
    }

    /** A width no longer offered (the picture turned out smaller) is the client's to change; a full camera is busy. */
    private static void refuse(ServerResponse res, VariantRefusedException e) {
        if (e.reason() == VariantRefusedException.Reason.LIMIT) {
            ViewerLimits.refuse(res, e.getMessage() + "\n");
        } else {
            res.status(Status.BAD_REQUEST_400).send(e.getMessage() + "\n");
        }
    }

    /** A camera closed between the request's resolving it and its viewer attaching: removed, changed or stopping. */
    private static void leaving(CameraFeed feed, ServerResponse res) {
        res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderNames.RETRY_AFTER, "1")
                .send("Camera '" + feed.name() + "' was just reconfigured or stopped; try again\n");
    }

    private static void streamHeaders(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, MjpegFormat.CONTENT_TYPE);
        NoCache.apply(res);
    }

    /** HEAD on a stream: the status and headers the stream would start with, and no viewer, seat or capture. */
    private static void streamHead(ServerResponse res) {
        streamHeaders(res);
        try (StreamBody out = res.sink(StreamBody.TYPE)) {
            out.headersOnly();
        }
    }

    private static void send(WriteWatchdog.Watch watch, StreamBody out, byte[] bytes, int length) {
        watch.writing();
        out.write(bytes, length);
        watch.written();
    }

    void snapshot(Grant grant, ServerRequest req, ServerResponse res) {
        CameraFeed feed = grant.feed();
        Optional<VariantSpec> variant;
        try {
            variant = StreamRequest.variant(req, feed);
        } catch (StreamRequest.Invalid e) {
            res.status(Status.BAD_REQUEST_400).send(e.getMessage() + "\n");
            return;
        }
        Optional<StreamFrame> frame;
        try {
            frame = feed.snapshot(variant, SNAPSHOT_WAIT);
        } catch (VariantRefusedException e) {
            refuse(res, e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.status(Status.SERVICE_UNAVAILABLE_503).send("The server is stopping\n");
            return;
        } catch (IllegalStateException closed) {
            leaving(feed, res);
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

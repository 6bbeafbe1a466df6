package io.camstream.server.http;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.recording.CameraRecordingSettings;
import io.camstream.recording.Recorders;
import io.camstream.recording.events.MotionEvent;
import io.camstream.recording.export.Exporter;
import io.camstream.recording.playback.Player;
import io.camstream.recording.playback.RecordedFrames;
import io.camstream.recording.record.CameraRecorder;
import io.camstream.recording.store.CameraStore;
import io.camstream.recording.store.Recording;
import io.camstream.recording.store.RecordingKind;
import io.camstream.server.auth.CameraUse;
import io.camstream.server.head.HeadResponse;
import io.camstream.spi.Frame;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What cameras recorded: {@code GET /api/cameras/{name}/events} and {@code /recordings} (newest first, paged with
 * {@code limit} and {@code before}), and per recording {@code /cameras/{name}/recordings/{id}/stream} (played at its
 * pace through the live stream code), {@code /snapshot?at=} and {@code /export.mkv} or {@code .mp4}; per event
 * {@code /cameras/{name}/events/{id}/thumbnail}. Each gets its camera from the registrar, which checked the
 * caller's right to it; a signed link opens none of them.
 */
public final class RecordingService implements CameraService, AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RecordingService.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Recorders recorders;
    private final StreamService streams;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("playback-timers").daemon().factory());

    /**
     * @param recorders the cameras' recorders
     * @param streams   the live streams, whose code plays recordings too
     */
    public RecordingService(Recorders recorders, StreamService streams) {
        this.recorders = recorders;
        this.streams = streams;
    }

    @Override
    public void routing(CameraRoutes routes) {
        routes.camera("/api/cameras/{name}/events", CameraUse.RECORDINGS, withCamera(this::events))
                .camera("/api/cameras/{name}/recordings", CameraUse.RECORDINGS, withCamera(this::recordings))
                .camera("/cameras/{name}/events/{id}/thumbnail", CameraUse.RECORDINGS, withCamera(this::thumbnail))
                .camera("/cameras/{name}/recordings/{id}/stream", CameraUse.RECORDINGS, withRecording(this::stream))
                .camera("/cameras/{name}/recordings/{id}/snapshot", CameraUse.RECORDINGS,
                        withRecording(this::snapshot))
                .camera("/cameras/{name}/recordings/{id}/export.mkv", CameraUse.RECORDINGS,
                        withRecording((grant, recorder, recording, req, res) -> export(grant.feed(), recorder,
                                recording, Exporter.Format.MKV, req, res)))
                .camera("/cameras/{name}/recordings/{id}/export.mp4", CameraUse.RECORDINGS,
                        withRecording((grant, recorder, recording, req, res) -> export(grant.feed(), recorder,
                                recording, Exporter.Format.MP4, req, res)));
    }

    private interface CameraHandler {
        void handle(CameraFeed feed, Optional<CameraRecorder> recorder, ServerRequest req, ServerResponse res)
                throws IOException, RecordingQuery.Invalid;
    }

    private interface RecordingHandler {
        void handle(Grant grant, CameraRecorder recorder, Recording recording, ServerRequest req,
                    ServerResponse res) throws IOException, RecordingQuery.Invalid;
    }

    private CameraRoutes.CameraHandler withCamera(CameraHandler handler) {
        return (grant, req, res) -> {
            CameraFeed feed = grant.feed();
            try {
                handler.handle(feed, recorders.find(feed.name()), req, res);
            } catch (RecordingQuery.Invalid e) {
                res.status(Status.BAD_REQUEST_400).send(e.getMessage() + "\n");
            } catch (IOException | UncheckedIOException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: recordings cannot be read: {1}", feed.name(),
                        e.getMessage());
                res.status(Status.INTERNAL_SERVER_ERROR_500).send("The recordings cannot be read: " + e.getMessage()
                        + "\n");
            }
        };
    }

    private CameraRoutes.CameraHandler withRecording(RecordingHandler handler) {
        return (grant, req, res) -> withCamera((feed, recorder, request, response) -> {
            String id = request.path().pathParameters().get("id");
            Optional<Recording> recording = recorder.isEmpty() ? Optional.empty() : parseId(id)
                    .flatMap(number -> find(recorder.get().store(), number));
            if (recording.isEmpty()) {
                response.status(Status.NOT_FOUND_404).send("Camera '" + feed.name() + "' has no recording '" + id
                        + "'" + (recorder.isEmpty() ? " (it does not record)" : "") + "\n");
                return;
            }
            handler.handle(grant, recorder.get(), recording.get(), request, response);
        }).handle(grant, req, res);
    }

    private static Optional<Long> parseId(String id) {
        try {
            long number = Long.parseLong(id);
            return number > 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Recording> find(CameraStore store, long id) {
        try {
            return store.recording(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void events(CameraFeed feed, Optional<CameraRecorder> recorder, ServerRequest req, ServerResponse res)
            throws IOException, RecordingQuery.Invalid {
        int limit = RecordingQuery.limit(req.query());
        long before = RecordingQuery.before(req.query());
        JsonArrayBuilder list = Json.createArrayBuilder();
        List<MotionEvent> events = recorder.isEmpty() ? List.of()
                : recorder.get().store().events(before, limit + 1);
        for (MotionEvent event : events.subList(0, Math.min(limit, events.size()))) {
            list.add(event(feed.name(), recorder.get(), event));
        }
        NoCache.apply(res);
        res.send(page(feed.name(), "events", list, events.size() > limit
                ? Optional.of(events.get(limit - 1).id()) : Optional.empty(), limit).build());
    }

    private JsonObjectBuilder event(String camera, CameraRecorder recorder, MotionEvent event) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", event.id())
                .add("start", event.start().toString());
        event.end().ifPresentOrElse(end -> json.add("end", end.toString())
                        .add("duration-seconds", seconds(Duration.between(event.start(), end))),
                () -> json.addNull("end").addNull("duration-seconds"));
        json.add("peak-score", Math.round(event.peakScore() * 10000) / 10000.0)
                .add("peak-time", event.peakTime().toString())
                .add("thumbnail", "/cameras/" + camera + "/events/" + event.id() + "/thumbnail");
        Optional<Recording> recording = recorder.store().recordingsAt(event.start()).stream().findFirst();
        if (recording.isPresent()) {
            Duration pre = recorder.settings().recording().preCapture();
            Duration offset = Duration.between(recording.get().start(), event.start().minus(pre));
            double start = offset.isNegative() ? 0 : seconds(offset);
            String base = "/cameras/" + camera + "/recordings/" + recording.get().id();
            json.add("recording", Json.createObjectBuilder()
                    .add("id", recording.get().id())
                    .add("offset-seconds", start)
                    .add("stream", base + "/stream" + (start > 0 ? "?start=" + start : ""))
                    .add("export", base + "/export.mkv"));
        } else {
            json.addNull("recording");
        }
        return json;
    }

    private void recordings(CameraFeed feed, Optional<CameraRecorder> recorder, ServerRequest req,
                            ServerResponse res) throws IOException, RecordingQuery.Invalid {
        int limit = RecordingQuery.limit(req.query());
        long before = RecordingQuery.before(req.query());
        JsonArrayBuilder list = Json.createArrayBuilder();
        List<Recording> recordings = recorder.isEmpty() ? List.of()
                : recorder.get().store().recordings(before, limit + 1);
        for (Recording recording : recordings.subList(0, Math.min(limit, recordings.size()))) {
            list.add(recording(feed.name(), recorder.get(), recording));
        }
        NoCache.apply(res);
        res.send(page(feed.name(), "recordings", list, recordings.size() > limit
                ? Optional.of(recordings.get(limit - 1).id()) : Optional.empty(), limit).build());
    }

    private static JsonObjectBuilder recording(String camera, CameraRecorder recorder, Recording recording)
            throws IOException {
        String base = "/cameras/" + camera + "/recordings/" + recording.id();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", recording.id())
                .add("kind", recording.kind().label())
                .add("start", recording.start().toString())
                .add("end", recording.end().toString())
                .add("duration-seconds", seconds(recording.duration()))
                .add("frames", recording.frames())
                .add("bytes", recording.bytes())
                .add("open", recorder.openRecordings().contains(recording.id()));
        Optional<MotionEvent> event = recording.kind() == RecordingKind.TIMELAPSE ? Optional.empty()
                : recorder.store().eventsBetween(recording.start(), recording.end()).stream().findFirst();
        event.ifPresentOrElse(e -> json.add("event", e.id()), () -> json.addNull("event"));
        return json.add("stream", base + "/stream")
                .add("snapshot", base + "/snapshot")
                .add("export", base + "/export.mkv");
    }

    private static JsonObjectBuilder page(String camera, String key, JsonArrayBuilder list, Optional<Long> last,
                                          int limit) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("camera", camera).add(key, list);
        last.ifPresentOrElse(id -> json.add("next", "/api/cameras/" + camera + "/" + key + "?before=" + id
                + "&limit=" + limit), () -> json.addNull("next"));
        return json;
    }

    private void thumbnail(CameraFeed feed, Optional<CameraRecorder> recorder, ServerRequest req,
                           ServerResponse res) throws IOException {
        String id = req.path().pathParameters().get("id");
        Optional<byte[]> thumbnail = recorder.isEmpty() ? Optional.empty() : parseId(id).flatMap(number -> {
            try {
                return recorder.get().store().thumbnail(number);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (thumbnail.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send("Camera '" + feed.name() + "' has no event '" + id
                    + "' with a picture\n");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "image/jpeg");
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=86400");
        res.send(thumbnail.get());
    }

    private void stream(Grant grant, CameraRecorder recorder, Recording recording, ServerRequest req,
                        ServerResponse res) throws IOException, RecordingQuery.Invalid {
        CameraFeed feed = grant.feed();
        StreamRequest request;
        try {
            request = StreamRequest.of(req, feed);
        } catch (StreamRequest.Invalid e) {
            throw new RecordingQuery.Invalid(e.getMessage());
        }
        double speed = RecordingQuery.speed(req.query());
        Optional<RecordingQuery.Moment> start = RecordingQuery.moment(req.query(), "start");
        RecordedFrames frames = RecordedFrames.of(recorder.store(), recording);
        try {
            int from = start.map(moment -> frames.firstAtOrAfter(moment.in(recording.start()))).orElse(0);
            Optional<Duration> fixed = recording.kind() == RecordingKind.TIMELAPSE
                    ? Optional.of(Duration.ofNanos(1_000_000_000L / recorder.settings().timelapse().fps()))
                    : Optional.empty();
            FrameFanout fanout = new FrameFanout(FeedClock.system(timers), feed.settings().fps(), skipped -> { });
            Player player = new Player(frames, fanout, speed, fixed);
            streams.play(grant, request, req, res, fanout, () -> player.play(from),
                    "recording " + recording.id() + " of camera " + feed.name());
        } finally {
            frames.close();
        }
    }

    private void snapshot(Grant grant, CameraRecorder recorder, Recording recording, ServerRequest req,
                          ServerResponse res) throws IOException, RecordingQuery.Invalid {
        CameraFeed feed = grant.feed();
        Instant at = RecordingQuery.moment(req.query(), "at").map(m -> m.in(recording.start()))
                .orElse(recording.start());
        Optional<Frame> frame;
        try (RecordedFrames frames = RecordedFrames.of(recorder.store(), recording)) {
            int nearest = frames.nearest(at);
            frame = nearest < 0 ? Optional.empty() : frames.read(nearest);
        }
        if (frame.isEmpty()) {
            res.status(Status.NOT_FOUND_404).send("Recording " + recording.id() + " of camera '" + feed.name()
                    + "' has no readable frame left\n");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "image/jpeg");
        res.header("X-Timestamp", MjpegFormat.timestamp(frame.get().captureTime()));
        res.send(frame.get().jpeg());
    }

    private void export(CameraFeed feed, CameraRecorder recorder, Recording recording, Exporter.Format format,
                        ServerRequest req, ServerResponse res) throws IOException {
        Exporter exporter = recorders.exporter();
        if (HeadResponse.isHead(req)) {
            // HEAD tells what a GET would give without making the file
            res.status(exporter.available() ? Status.OK_200 : Status.NOT_IMPLEMENTED_501);
            res.header(HeaderNames.CONTENT_TYPE, format.mediaType());
            res.send();
            return;
        }
        Path file = Files.createTempFile("camstream-export-", "." + format.extension());
        Files.delete(file); // ffmpeg makes it
        try (RecordedFrames frames = RecordedFrames.of(recorder.store(), recording)) {
            exporter.export(frames, exportFps(recorder.settings(), recording, frames, feed), format, file);
            res.header(HeaderNames.CONTENT_TYPE, format.mediaType());
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + feed.name() + "-"
                    + FILE_TIME.format(recording.start()) + "." + format.extension() + "\"");
            res.header(HeaderNames.CONTENT_LENGTH, Long.toString(Files.size(file)));
            try (OutputStream out = res.outputStream()) {
                Files.copy(file, out);
            }
        } catch (Exporter.ExportException e) {
            res.status(exporter.available() ? Status.SERVICE_UNAVAILABLE_503 : Status.NOT_IMPLEMENTED_501)
                    .send("Cannot export recording " + recording.id() + ": " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.status(Status.SERVICE_UNAVAILABLE_503).send("The server is stopping\n");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A timelapse's own rate; otherwise the recording's average, so that the video lasts as long as it did. */
    private static double exportFps(CameraRecordingSettings settings, Recording recording, RecordedFrames frames,
                                    CameraFeed feed) {
        if (recording.kind() == RecordingKind.TIMELAPSE) {
            return settings.timelapse().fps();
        }
        if (frames.size() < 2) {
            return feed.settings().fps();
        }
        double seconds = Duration.between(frames.time(0), frames.time(frames.size() - 1)).toNanos() / 1e9;
        return seconds <= 0 ? feed.settings().fps() : Math.clamp((frames.size() - 1) / seconds, 0.1, 1000);
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 10.0) / 100.0;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}

package io.camstream.server.observe;

import io.camstream.core.cameras.CameraListener;
import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.CameraStats;
import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.core.stage.TurnCounts;
import io.camstream.core.variant.Variants;
import io.camstream.recording.Recorders;
import io.camstream.recording.detection.DetectionStats;
import io.camstream.recording.record.CameraRecorder;
import io.camstream.recording.record.RecorderStats;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Per-camera meters (tag {@code camera}) in Helidon's registry, read from the cameras' statistics when scraped, so
 * they cost the capture and the viewers nothing. They follow the cameras as the configuration changes: a camera
 * removed takes its meters with it, a changed one gets its new feed's. Closing removes them all, so a restarted
 * server in the same JVM does not report a stopped one's cameras.
 */
public final class CameraMeters implements CameraListener, AutoCloseable {

    private final MeterRegistry registry;
    private final Recorders recorders;
    private final Map<CameraFeed, List<Meter>> meters = new HashMap<>();

    private CameraMeters(MeterRegistry registry, Recorders recorders) {
        this.registry = registry;
        this.recorders = recorders;
    }

    /**
     * Registers the meters of every camera.
     *
     * @param registry  the registry {@code /observe/metrics} shows
     * @param cameras   the cameras
     * @param recorders their recorders, which follow the cameras before the meters do
     * @return the registration; close it to remove the meters
     */
    public static CameraMeters register(MeterRegistry registry, Cameras cameras, Recorders recorders) {
        CameraMeters meters = new CameraMeters(registry, recorders);
        cameras.listen(meters);
        return meters;
    }

    @Override
    public synchronized void added(CameraFeed feed) {
        Tag tag = Tag.create("camera", feed.name());
        CameraStats stats = feed.stats();
        List<Meter> added = new ArrayList<>(List.of(
                counter("camstream.frames.captured", "Frames received from the camera's driver", tag, stats,
                        CameraStats::framesCaptured),
                counter("camstream.frames.sent", "Frames written to viewers, repeats included", tag, stats,
                        CameraStats::framesSent),
                counter("camstream.bytes.sent", "Bytes written to viewers", tag, stats, CameraStats::bytesSent),
                counter("camstream.frames.skipped", "Frames viewers without an fps cap missed because they were busy",
                        tag, stats, CameraStats::framesSkipped),
                counter("camstream.driver.restarts", "Driver failures followed by a restart", tag, stats,
                        CameraStats::driverRestarts),
                counter("camstream.frames.rejected", "Frames from the driver dropped as not a whole JPEG or too large",
                        tag, stats, CameraStats::framesRejected),
                counter("camstream.frames.unchanged", "Camera frames identical to the one before, not sent again",
                        tag, stats, CameraStats::framesUnchanged),
                gauge("camstream.turn.seconds", "CPU seconds spent turning frames since the start", tag,
                        feed.turns(), TurnCounts::cpuSeconds),
                counter("camstream.frames.unturned", "Camera frames that could not be turned and were shown as sent",
                        tag, feed.turns(), TurnCounts::unturned),
                gauge("camstream.variants", "Variants (smaller pictures) encoded now", tag, feed.variants(),
                        Variants::count),
                counter("camstream.variant.frames.encoded", "Camera frames encoded by variants", tag,
                        feed.variants(), Variants::framesEncoded),
                gauge("camstream.variant.encode.seconds", "CPU seconds spent encoding variants since the start", tag,
                        feed.variants(), Variants::encodeSeconds),
                gauge("camstream.viewers", "Viewers attached now", tag, feed, CameraFeed::viewerCount),
                gauge("camstream.capture.fps", "Camera frames per second over the last three seconds", tag, stats,
                        CameraStats::captureFps),
                gauge("camstream.frame.bytes", "JPEG size of the camera's last frame", tag, stats,
                        CameraStats::lastFrameBytes),
                gauge("camstream.online", "1 while the camera delivers frames, 0 while it shows NO SIGNAL", tag,
                        stats, s -> s.online() ? 1 : 0)));
        for (JpegTransformer.Path path : TurnCounts.TURNED) {
            added.add(registry.getOrCreate(FunctionalCounter.builder("camstream.frames.turned", feed.turns(),
                            turns -> turns.turned(path))
                    .description("Camera frames turned by camstream, by the way they were turned")
                    .tags(List.of(tag, Tag.create("path", TurnCounts.label(path))))));
        }
        recorders.find(feed.name()).ifPresent(recorder -> added.addAll(recording(tag, recorder)));
        meters.put(feed, added);
    }

    private List<Meter> recording(Tag tag, CameraRecorder recorder) {
        RecorderStats stats = recorder.stats();
        DetectionStats detection = recorder.detection();
        return List.of(
                counter("camstream.motion.events", "Motion events started", tag, detection, DetectionStats::events),
                counter("camstream.motion.frames.analysed", "Frames analysed for motion", tag, detection,
                        DetectionStats::framesAnalysed),
                counter("camstream.motion.frames.skipped", "Frames detection skipped because it was busy", tag,
                        detection, DetectionStats::framesSkipped),
                counter("camstream.recording.frames", "Frames written to recordings", tag, stats,
                        RecorderStats::framesRecorded),
                counter("camstream.recording.bytes", "JPEG bytes written to recordings", tag, stats,
                        RecorderStats::bytesRecorded),
                counter("camstream.recording.frames.dropped", "Frames not recorded because the disk was behind", tag,
                        recorder, CameraRecorder::framesDropped),
                counter("camstream.recording.frames.unrecorded", "Frames not recorded while recording was stopped "
                        + "(disk full or failing)", tag, stats, RecorderStats::framesNotRecorded),
                gauge("camstream.recording.stopped", "1 while recording is stopped for lack of space or a failing "
                        + "disk", tag, recorder, r -> r.stopReason().isPresent() ? 1 : 0));
    }

    @Override
    public synchronized void removed(CameraFeed feed) {
        List<Meter> gone = meters.remove(feed);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    private <T> Meter counter(String name, String description, Tag tag, T source, ToLongFunction<T> value) {
        return registry.getOrCreate(FunctionalCounter.builder(name, source, s -> value.applyAsLong(s))
                .description(description)
                .tags(List.of(tag)));
    }

    private <T> Meter gauge(String name, String description, Tag tag, T source, ToDoubleFunction<T> value) {
        return registry.getOrCreate(Gauge.builder(name, source, value)
                .description(description)
                .tags(List.of(tag)));
    }

    @Override
    public synchronized void close() {
        meters.values().forEach(list -> list.forEach(registry::remove));
        meters.clear();
    }
}

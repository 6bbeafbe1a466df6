package io.camstream.recording.record;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.Viewer;
import io.camstream.recording.CameraRecordingSettings;
import io.camstream.recording.RecordingMode;
import io.camstream.recording.RecordingSettings;
import io.camstream.recording.detection.DetectionLoop;
import io.camstream.recording.detection.DetectionStats;
import io.camstream.recording.detection.EventSink;
import io.camstream.recording.detection.MotionState;
import io.camstream.recording.events.MotionEvent;
import io.camstream.recording.hooks.Hooks;
import io.camstream.recording.retention.DiskGuard;
import io.camstream.recording.retention.FreeSpace;
import io.camstream.recording.retention.Retention;
import io.camstream.recording.store.CameraStore;

import java.io.IOException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one camera does beyond serving its viewers: detection, recording and timelapse, built from its
 * settings and started together. It keeps the camera capturing for as long as it runs (as an internal viewer), sees
 * every frame through a {@link RecordingTap}, and writes through one {@link DiskWriter}. Closing stops detection
 * first, then the tap, then writes what is queued and closes the files.
 */
public final class CameraRecorder implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CameraRecorder.class.getName());
    /** The most JPEG bytes waiting for the disk, per camera. */
    static final long QUEUE_BYTES = 32L * 1024 * 1024;
    /** The most frames waiting for the disk, in seconds of the camera's frames. */
    static final int QUEUE_SECONDS = 2;
    /** The most JPEG bytes the pre-capture ring holds, per camera. */
    static final long RING_BYTES = 32L * 1024 * 1024;

    private final CameraFeed feed;
    private final CameraRecordingSettings settings;
    private final CameraStore store;
    private final WriteQueue queue;
    private final DiskGuard guard;
    private final DiskWriter writer;
    private final RecorderStats stats;
    private final DetectionStats detectionStats = new DetectionStats();
    private final Hooks hooks;
    private RecordingTap tap;
    private DetectionLoop detection;
    private Viewer keepCapturing;

    private CameraRecorder(CameraFeed feed, CameraRecordingSettings settings, CameraStore store, WriteQueue queue,
                           DiskGuard guard, DiskWriter writer, RecorderStats stats) {
        this.feed = feed;
        this.settings = settings;
        this.store = store;
        this.queue = queue;
        this.guard = guard;
        this.writer = writer;
        this.stats = stats;
        this.hooks = new Hooks(feed.name(), settings.hooks());
    }

    /**
     * Opens the camera's recordings and starts what its settings ask for.
     *
     * @param feed      the camera
     * @param settings  its detection, recording and timelapse settings
     * @param clock     the time, for retention, the disk guard and events without frames
     * @param freeSpace the free space of the recording directory's file system; empty for the real one
     * @param zone      where a timelapse day begins
     * @return the running recorder
     * @throws IOException when the recording directory or its index cannot be used
     */
    public static CameraRecorder start(CameraFeed feed, CameraRecordingSettings settings, InstantSource clock,
                                       Optional<FreeSpace> freeSpace, ZoneId zone) throws IOException {
        RecordingSettings recording = settings.recording();
        CameraStore store = CameraStore.open(recording.dir(), feed.name());
        WriteQueue queue = new WriteQueue(QUEUE_BYTES, Math.max(10, QUEUE_SECONDS * feed.settings().fps()));
        DiskGuard guard = new DiskGuard(feed.name(), freeSpace.orElseGet(() -> FreeSpace.of(recording.dir())),
                recording.minFree());
        Retention retention = new Retention(store, recording.maxAge(), recording.maxBytes(),
                recording.segmentBytes());
        RecorderStats stats = new RecorderStats();
        DiskWriter writer = new DiskWriter(feed.name(), store, queue, retention, guard, stats, clock, zone,
                recording.segmentBytes(), recording.segmentLength()).start();
        CameraRecorder recorder = new CameraRecorder(feed, settings, store, queue, guard, writer, stats);
        recorder.begin(clock);
        return recorder;
    }

    private void begin(InstantSource clock) {
        MotionState motion = new MotionState();
        RecordingSettings recording = settings.recording();
        if (recording.mode() != RecordingMode.OFF || settings.timelapse().enabled()) {
            tap = new RecordingTap(recording.mode(), recording.preCapture(), recording.postCapture(),
                    settings.timelapse().interval(), motion, queue, RING_BYTES);
            feed.addTap(tap);
        }
        if (settings.motion().enabled()) {
            detection = new DetectionLoop(feed.name(), feed, settings.motion(), motion, new Events(),
                    store::nextEventId, detectionStats, clock).start();
        } else {
            keepCapturing = feed.attach();
        }
        LOGGER.log(System.Logger.Level.INFO, "Camera {0}: motion detection {1}, recording {2}, timelapse {3};"
                        + " files in {4}", feed.name(), settings.motion().enabled() ? "on" : "off",
                recording.mode().label(), settings.timelapse().enabled()
                        ? "every " + settings.timelapse().interval().toMillis() + " ms" : "off",
                recording.dir().toAbsolutePath());
    }

    /** Hands events to the disk writer and the hooks. */
    private final class Events implements EventSink {

        @Override
        public void started(MotionEvent event, byte[] thumbnail) {
            queue.add(new WriteJob.Event(event, thumbnail));
            hooks.started(event);
        }

        @Override
        public void ended(MotionEvent event, byte[] thumbnail) {
            queue.add(new WriteJob.Event(event, thumbnail));
            hooks.ended(event);
        }
    }

    /** @return the camera's name */
    public String camera() {
        return feed.name();
    }

    /** @return what the camera records and detects */
    public CameraRecordingSettings settings() {
        return settings;
    }

    /** @return the camera's recordings and events */
    public CameraStore store() {
        return store;
    }

    /** @return recording figures */
    public RecorderStats stats() {
        return stats;
    }

    /** @return detection figures */
    public DetectionStats detection() {
        return detectionStats;
    }

    /** @return frames the capture handed over that the disk writer's queue refused: the disk was behind */
    public long framesDropped() {
        return queue.dropped();
    }

    /** @return hook calls that failed or were skipped */
    public long hookFailures() {
        return hooks.failures();
    }

    /** @return why recording is stopped (a full disk), or empty while it may go on */
    public Optional<String> stopReason() {
        return guard.stopReason();
    }

    /** @return the numbers of the recordings being written now */
    public Set<Long> openRecordings() {
        return writer.openRecordings();
    }

    @Override
    public void close() {
        if (detection != null) {
            detection.close();
        }
        if (tap != null) {
            feed.removeTap(tap);
        }
        if (keepCapturing != null) {
            keepCapturing.close();
        }
        writer.close();
        store.close();
    }
}

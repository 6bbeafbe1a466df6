package io.camstream.recording.record;

import io.camstream.recording.retention.DiskGuard;
import io.camstream.recording.retention.Retention;
import io.camstream.recording.store.CameraStore;
import io.camstream.recording.store.Recording;
import io.camstream.recording.store.RecordingKind;
import io.camstream.recording.store.SegmentInfo;
import io.camstream.recording.store.SegmentWriter;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A camera's one writer of segment files, on a thread of its own: takes the jobs of the {@link WriteQueue} in
 * order, keeps one open recording per kind, cuts segments and recordings, tells the index about the open segments
 * once a second, forces them to the disk every {@link #FORCE_PERIOD}, and applies retention.
 */
final class DiskWriter implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(DiskWriter.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    static final Duration FORCE_PERIOD = Duration.ofSeconds(10);
    private static final Duration RETENTION_PERIOD = Duration.ofSeconds(10);
    /** A pause in the frames this long (the camera stopped) starts a new continuous recording. */
    static final Duration MAX_GAP = Duration.ofSeconds(10);
    /** The per-record bytes a frame takes on disk beyond its JPEG. */
    private static final int RECORD_OVERHEAD = 36;

    private final String camera;
    private final CameraStore store;
    private final WriteQueue queue;
    private final Retention retention;
    private final DiskGuard guard;
    private final RecorderStats stats;
    private final InstantSource clock;
    private final ZoneId zone;
    private final long segmentBytes;
    private final Duration segmentLength;
    private final Thread thread;
    private final Map<RecordingKind, Open> open = new EnumMap<>(RecordingKind.class);
    private final Map<RecordingKind, Long> openIds = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private long lastTick = System.nanoTime() - TICK.toNanos();
    private long lastForce = System.nanoTime();
    private long lastRetention = System.nanoTime() - RETENTION_PERIOD.toNanos();
    private boolean timelapseResumed;

    /** The recording of one kind being written. */
    private static final class Open {
        private final RecordingKind kind;
        private final long id;
        private final Instant start;
        private int sequence;
        private SegmentWriter segment;
        private Instant segmentStart;
        private Instant last;

        private Open(RecordingKind kind, long id, Instant start) {
            this.kind = kind;
            this.id = id;
            this.start = start;
        }
    }

    DiskWriter(String camera, CameraStore store, WriteQueue queue, Retention retention, DiskGuard guard,
               RecorderStats stats, InstantSource clock, ZoneId zone, long segmentBytes, Duration segmentLength) {
        this.camera = camera;
        this.store = store;
        this.queue = queue;
        this.retention = retention;
        this.guard = guard;
        this.stats = stats;
        this.clock = clock;
        this.zone = zone;
        this.segmentBytes = segmentBytes;
        this.segmentLength = segmentLength;
        this.thread = Thread.ofPlatform().daemon().name("recorder-" + camera).unstarted(this::run);
    }

    DiskWriter start() {
        thread.start();
        return this;
    }

    /** @return the numbers of the recordings being written now */
    Set<Long> openRecordings() {
        return Set.copyOf(openIds.values());
    }

    /** Writes what is queued, closes the open recordings and stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                WriteJob job = queue.poll(closing ? Duration.ZERO : TICK);
                if (job == null && closing) {
                    break;
                }
                if (job != null) {
                    handle(job);
                }
                maintain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Camera " + camera + "'s recorder failed", e);
        } finally {
            for (RecordingKind kind : Set.copyOf(open.keySet())) {
                end(kind);
            }
        }
    }

    private void handle(WriteJob job) {
        switch (job) {
            case WriteJob.Frames frames -> frames.frames().forEach(frame -> write(frames.kind(), frame));
            case WriteJob.Close close -> end(close.kind());
            case WriteJob.Event event -> {
                try {
                    store.put(event.event(), event.thumbnail());
                } catch (IOException e) {
                    LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: event {1} not stored: {2}", camera,
                            event.event().id(), e.getMessage());
                }
            }
        }
    }

    private void write(RecordingKind kind, Frame frame) {
        Open recording = open.get(kind);
        if (recording != null && endsRecording(recording, frame)) {
            end(kind);
            recording = null;
        }
        if (!guard.allows(frame.size() + RECORD_OVERHEAD)) {
            stats.notRecorded(1);
            if (recording != null) {
                end(kind);
            }
            return;
        }
        try {
            if (recording == null) {
                recording = begin(kind, frame);
            } else if (endsSegment(recording, frame)) {
                nextSegment(recording, frame);
            }
            recording.segment.append(frame);
            recording.last = frame.captureTime();
            stats.recorded(frame.size());
            guard.written();
        } catch (IOException e) {
            stats.notRecorded(1);
            guard.writeFailed(e);
            if (recording != null) {
                end(kind);
            }
        }
    }

    private boolean endsRecording(Open recording, Frame frame) {
        Instant time = frame.captureTime();
        if (recording.kind == RecordingKind.TIMELAPSE) {
            return !day(time).equals(day(recording.start));
        }
        return Duration.between(recording.start, time).compareTo(RecordingKind.CONTINUOUS_LENGTH) >= 0
                || time.isBefore(recording.last)
                || (recording.kind == RecordingKind.CONTINUOUS
                    && Duration.between(recording.last, time).compareTo(MAX_GAP) > 0);
    }

    private boolean endsSegment(Open recording, Frame frame) {
        return recording.segment.bytes() + frame.size() + RECORD_OVERHEAD > segmentBytes
                || Duration.between(recording.segmentStart, frame.captureTime()).compareTo(segmentLength) >= 0;
    }

    private Open begin(RecordingKind kind, Frame frame) throws IOException {
        Open recording = resumedTimelapse(kind, frame)
                .orElseGet(() -> new Open(kind, store.nextRecordingId(), frame.captureTime()));
        recording.segment = store.newSegment(kind, recording.id, ++recording.sequence, frame.captureTime());
        recording.segmentStart = frame.captureTime();
        recording.last = frame.captureTime();
        open.put(kind, recording);
        openIds.put(kind, recording.id);
        stats.recordingStarted();
        return recording;
    }

    /** The day's timelapse goes on in the recording an earlier run of the server began. */
    private Optional<Open> resumedTimelapse(RecordingKind kind, Frame frame) throws IOException {
        if (kind != RecordingKind.TIMELAPSE || timelapseResumed) {
            return Optional.empty();
        }
        timelapseResumed = true;
        Optional<Recording> latest = store.latest(RecordingKind.TIMELAPSE)
                .filter(r -> day(r.start()).equals(day(frame.captureTime())));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Open resumed = new Open(kind, latest.get().id(), latest.get().start());
        resumed.sequence = store.segmentsOf(latest.get().id()).stream().mapToInt(SegmentInfo::sequence).max()
                .orElse(0);
        return Optional.of(resumed);
    }

    private void nextSegment(Open recording, Frame frame) throws IOException {
        SegmentWriter full = recording.segment;
        recording.segment = null;
        store.close(full);
        recording.segment = store.newSegment(recording.kind, recording.id, ++recording.sequence,
                frame.captureTime());
        recording.segmentStart = frame.captureTime();
        applyRetention();
    }

    private void end(RecordingKind kind) {
        Open recording = open.remove(kind);
        openIds.remove(kind);
        if (recording == null || recording.segment == null) {
            return;
        }
        try {
            store.close(recording.segment);
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: closing recording {1} failed: {2}", camera,
                    recording.id, e.getMessage());
        }
    }

    /** Runs once a second of real time, whatever the clock of the frames says. */
    private void maintain() {
        long now = System.nanoTime();
        if (now - lastTick < TICK.toNanos()) {
            return;
        }
        lastTick = now;
        boolean force = now - lastForce >= FORCE_PERIOD.toNanos();
        for (Open recording : open.values()) {
            try {
                if (force) {
                    recording.segment.force();
                }
                store.index(recording.segment);
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: updating recording {1} failed: {2}", camera,
                        recording.id, e.getMessage());
            }
        }
        if (force) {
            lastForce = now;
        }
        if (now - lastRetention >= RETENTION_PERIOD.toNanos()) {
            applyRetention();
        }
    }

    private void applyRetention() {
        lastRetention = System.nanoTime();
        Set<String> files = open.values().stream()
                .filter(r -> r.segment != null)
                .map(r -> store.name(r.segment))
                .collect(Collectors.toSet());
        try {
            stats.deleted(retention.apply(clock.instant(), files));
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: deleting old recordings failed: {1}", camera,
                    e.getMessage());
        }
    }

    private LocalDate day(Instant time) {
        return LocalDate.ofInstant(time, zone);
    }
}

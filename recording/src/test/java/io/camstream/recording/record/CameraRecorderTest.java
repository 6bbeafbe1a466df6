package io.camstream.recording.record;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FeedSettings;
import io.camstream.core.fanout.PictureSettings;
import io.camstream.recording.CameraRecordingSettings;
import io.camstream.recording.events.MotionEvent;
import io.camstream.recording.retention.FreeSpace;
import io.camstream.recording.store.Recording;
import io.camstream.recording.store.SegmentInfo;
import io.camstream.recording.store.SegmentReader;
import io.camstream.recording.store.StoredFrame;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CameraRecorderTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        timers.shutdownNow();
    }

    private CameraFeed feed(MovingBoxCamera camera) {
        FeedSettings settings = new FeedSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofSeconds(1), MovingBoxCamera.WIDTH, MovingBoxCamera.HEIGHT, 20, 0, 8 << 20, 0,
                new PictureSettings(Orientation.NONE, new JpegSize(MovingBoxCamera.WIDTH, MovingBoxCamera.HEIGHT),
                        false, List.of(), 1));
        CameraFeed feed = new CameraFeed("door", "moving-box", camera, Config.empty(), settings,
                FeedClock.system(timers));
        opened.add(feed);
        return feed;
    }

    private CameraRecorder recorder(CameraFeed feed, MovingBoxCamera camera, String yaml, FreeSpace space)
            throws IOException {
        Config node = Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML));
        CameraRecordingSettings settings = CameraRecordingSettings.from(node, "door", dir);
        CameraRecorder recorder = CameraRecorder.start(feed, settings, camera.clock(), Optional.ofNullable(space),
                ZoneOffset.UTC);
        opened.add(recorder);
        return recorder;
    }

    private static List<StoredFrame> frames(CameraRecorder recorder, Recording recording) throws IOException {
        List<StoredFrame> frames = new ArrayList<>();
        for (SegmentInfo segment : recorder.store().segmentsOf(recording.id())) {
            try (SegmentReader reader = SegmentReader.open(recorder.store().file(segment))) {
                frames.addAll(reader.frames());
            }
        }
        return frames;
    }

    @Test
    void aMotionRecordingHoldsThePreCaptureTheEventAndThePostCapture() throws Exception {
        // the box stands still for 40 frames (2 s), moves 4 pixels a frame for 60 (3 s), then stands still
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(15), 220,
                n -> 10 + 4 * Math.clamp(n - 39, 0, 60));
        CameraFeed feed = feed(camera);
        CameraRecorder recorder = recorder(feed, camera, """
                motion:
                  enabled: true
                  min-frames: 3
                  event-gap: 1s
                recording:
                  mode: motion
                  pre-capture: 1s
                  post-capture: 1s
                """, null);
        await("the event's end", () -> ended(recorder).size() == 1 && recorder.openRecordings().isEmpty()
                && camera.delivered() > 160);

        MotionEvent event = ended(recorder).getFirst();
        assertThat(event.start()).isBetween(camera.at(40), camera.at(42));
        assertThat(event.end()).hasValueSatisfying(end -> assertThat(end).isBetween(camera.at(97), camera.at(99)));
        await("the recording listed", () -> !recordings(recorder).isEmpty());
        List<Recording> recordings = recordings(recorder);
        assertThat(recordings).hasSize(1);
        List<StoredFrame> frames = frames(recorder, recordings.getFirst());
        Instant first = frames.getFirst().captureTime();
        Instant last = frames.getLast().captureTime();
        assertThat(first).as("pre-capture: a second before the event's start")
                .isEqualTo(event.start().minusSeconds(1));
        assertThat(last).as("post-capture: a second after its last motion, or up to the event gap's end")
                .isBetween(event.end().get().plusSeconds(1), event.end().get().plusSeconds(1).plus(INTERVAL));
        assertThat(frames).as("every frame from the first to the last").hasSize(
                (int) (Duration.between(first, last).toMillis() / INTERVAL.toMillis()) + 1);
        byte[] thumbnail = recorder.store().thumbnail(event.id()).orElseThrow();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(picture.getWidth()).as("the thumbnail's width").isEqualTo(MovingBoxCamera.WIDTH);
        assertThat(picture.getHeight()).isEqualTo(MovingBoxCamera.HEIGHT);
    }

    @Test
    void aStillSceneMakesNoEventAndNoRecording() throws Exception {
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(10), 100, n -> 10);
        CameraFeed feed = feed(camera);
        CameraRecorder recorder = recorder(feed, camera, """
                motion:
                  enabled: true
                recording:
                  mode: motion
                """, null);
        await("every frame analysed", () -> recorder.detection().framesAnalysed()
                + recorder.detection().framesSkipped() >= 99);
        assertThat(recorder.detection().events()).isZero();
        assertThat(recordings(recorder)).isEmpty();
    }

    @Test
    void continuousRecordingKeepsWithinItsQuotaByDeletingTheOldestSegments() throws Exception {
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(5), 250, n -> n % 200);
        CameraFeed feed = feed(camera);
        CameraRecorder recorder = recorder(feed, camera, """
                recording:
                  mode: continuous
                  max-bytes: 700kB
                  min-free: 0
                """, null);
        long largest = 0;
        while (camera.delivered() < 250 || recorder.stats().framesRecorded() < 250) {
            largest = Math.max(largest, sizeOnDisk());
            Thread.sleep(5);
        }
        Thread.sleep(1200);
        largest = Math.max(largest, sizeOnDisk());
        assertThat(recorder.stats().bytesRecorded()).as("written in all").isGreaterThan(1_100_000);
        assertThat(largest).as("segment files on disk at most").isLessThanOrEqualTo(700_000);
        assertThat(recorder.stats().bytesDeleted()).isGreaterThan(400_000);
        List<StoredFrame> kept = new ArrayList<>();
        for (Recording recording : recordings(recorder)) {
            kept.addAll(frames(recorder, recording));
        }
        assertThat(kept).extracting(StoredFrame::sequence).as("the newest frames are kept").contains(249L);
    }

    @Test
    void aDiskThatStallsCostsRecordedFramesNotCameraFrames() throws Exception {
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(5), 300, n -> n % 200);
        CameraFeed feed = feed(camera);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong probes = new AtomicLong();
        CameraRecorder recorder = recorder(feed, camera, """
                recording:
                  mode: continuous
                  min-free: 0
                """, () -> {
                    if (probes.incrementAndGet() == 2) {
                        stalled.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Long.MAX_VALUE;
                });
        stalled.await();
        long capturedAtStall = feed.stats().framesCaptured();
        await("the queue to overflow", () -> recorder.framesDropped() > 0);
        assertThat(feed.stats().framesCaptured()).as("the camera went on").isGreaterThan(capturedAtStall);
        release.countDown();
        await("all frames delivered and written or dropped", () -> camera.delivered() == 300
                && recorder.stats().framesRecorded() + recorder.framesDropped() == 300);
        assertThat(recorder.stats().framesRecorded()).isGreaterThan(0);
    }

    @Test
    void belowMinFreeRecordingStopsSaysWhyAndResumesWhenSpaceReturns() throws Exception {
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(5), 10_000, n -> n % 200);
        CameraFeed feed = feed(camera);
        AtomicLong free = new AtomicLong(10_000_000);
        CameraRecorder recorder = recorder(feed, camera, """
                recording:
                  mode: continuous
                  min-free: 50MB
                """, free::get);
        await("recording to stop", () -> recorder.stopReason().isPresent());
        assertThat(recorder.stopReason().get()).contains("below recording.min-free (50.0 MB)");
        long recorded = recorder.stats().framesRecorded();
        await("frames not recorded", () -> recorder.stats().framesNotRecorded() > 20);
        assertThat(recorder.stats().framesRecorded()).isEqualTo(recorded);
        free.set(10_000_000_000L);
        await("recording to resume", () -> recorder.stopReason().isEmpty()
                && recorder.stats().framesRecorded() > recorded + 20);
    }

    @Test
    void aTimelapseKeepsOneFramePerIntervalOnTheIntervalsBoundaries() throws Exception {
        MovingBoxCamera camera = new MovingBoxCamera(INTERVAL, Duration.ofMillis(10), 100, n -> n);
        CameraFeed feed = feed(camera);
        CameraRecorder recorder = recorder(feed, camera, """
                timelapse:
                  interval: 500ms
                  fps: 10
                recording:
                  min-free: 0
                """, null);
        await("the script played and a second passed", () -> camera.delivered() == 100
                && recorder.stats().framesRecorded() == 10 && recordings(recorder).size() == 1
                && recordings(recorder).getFirst().frames() == 10);
        Recording timelapse = recordings(recorder).getFirst();
        assertThat(timelapse.kind()).isEqualTo(io.camstream.recording.store.RecordingKind.TIMELAPSE);
        assertThat(frames(recorder, timelapse)).extracting(StoredFrame::captureTime)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 10)
                        .mapToObj(i -> MovingBoxCamera.T0.plusMillis(500L * i)).toList());
    }

    private long sizeOnDisk() throws IOException {
        try (var files = Files.walk(dir.resolve("door/segments"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.UncheckedIOException e) {
            return 0; // a file deleted while walking
        }
    }

    private static List<MotionEvent> ended(CameraRecorder recorder) throws IOException {
        return recorder.store().events(Long.MAX_VALUE, 10).stream().filter(MotionEvent::ended).toList();
    }

    private static List<Recording> recordings(CameraRecorder recorder) throws IOException {
        return recorder.store().recordings(Long.MAX_VALUE, 100);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!check.holds()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

package io.camstream.core.fanout;

import io.camstream.core.jpeg.JpegTransformer;
import io.camstream.core.variant.VariantSpec;
import io.camstream.core.variant.VariantState;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CameraFeedTest {

    private final ManualClock clock = new ManualClock();
    private final List<CameraFeed> feeds = new ArrayList<>();

    @AfterEach
    void tearDown() {
        feeds.forEach(CameraFeed::close);
    }

    @Test
    void fiftyViewersShareOneCapture() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(50);
        CameraFeed feed = feed(driver, Map.of());
        int viewers = 50;
        CountDownLatch allGotFrames = new CountDownLatch(viewers);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Viewer viewer = feed.attach()) {
                    long last = 0;
                    for (int n = 0; n < 10; n++) {
                        StreamFrame frame = viewer.next(Duration.ofSeconds(5)).orElseThrow();
                        if (frame.serial() <= last) {
                            failures.incrementAndGet();
                        }
                        last = frame.serial();
                    }
                    allGotFrames.countDown();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        assertThat(allGotFrames.await(20, TimeUnit.SECONDS)).isTrue();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).hasValue(0);
        assertThat(driver.opened).hasValue(1);
    }

    @Test
    void viewersAreListedAndWhatTheySentIsCountedAfterTheyLeave() throws Exception {
        CameraFeed feed = feed(new ScriptedProvider(30), Map.of());
        ViewerOptions stream = new ViewerOptions(Optional.of("/192.0.2.1:4242"), 0, false);
        try (Viewer viewer = feed.attach(stream); Viewer snapshot = feed.attach()) {
            viewer.sent(1000);
            viewer.sent(500);
            snapshot.sent(10);
            assertThat(feed.streamingViewers()).as("snapshots are not streams").containsExactly(viewer);
            assertThat(feed.viewerCount()).isEqualTo(2);
            assertThat(feed.stats().framesSent()).isEqualTo(3);
        }
        assertThat(feed.streamingViewers()).isEmpty();
        assertThat(feed.viewerCount()).isZero();
        assertThat(feed.stats().framesSent()).as("figures stay when viewers leave").isEqualTo(3);
        assertThat(feed.stats().bytesSent()).isEqualTo(1510);
    }

    @Test
    void captureStopsAfterIdleTimeoutAndRestartsForTheNextViewer() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("idle-timeout", "10s"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        clock.advance(Duration.ofMillis(9_999));
        assertThat(feed.capturing()).as("capturing until the idle timeout has passed").isTrue();
        assertThat(driver.closed).hasValue(0);
        clock.advance(Duration.ofMillis(1));
        assertThat(feed.capturing()).isFalse();
        assertThat(feed.capturingSince()).isEmpty();
        assertThat(driver.closed).hasValue(1);
        long framesWhenStopped = driver.frames.get();

        try (Viewer viewer = feed.attach()) {
            StreamFrame fresh = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(driver.opened).hasValue(2);
            assertThat(fresh.frame().sequence()).as("a frame of the new capture").isGreaterThan(framesWhenStopped);
        }
    }

    @Test
    void viewerArrivingWithinIdleTimeoutKeepsTheCaptureRunning() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("idle-timeout", "10s"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        clock.advance(Duration.ofSeconds(9));
        try (Viewer viewer = feed.attach()) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(feed.capturing()).as("capturing while a viewer is attached").isTrue();
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        assertThat(driver.opened).hasValue(1);
        assertThat(driver.closed).hasValue(0);
    }

    @Test
    void failingDriverShowsNoSignalThenLiveFramesAfterRecovery() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of());
        try (Viewer viewer = feed.attach()) {
            assertThat(viewer.next(Duration.ofSeconds(5)).orElseThrow().live()).isTrue();
            driver.failing.set(true);
            StreamFrame noSignal = nextMatching(viewer, f -> !f.live());
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(noSignal.frame().jpeg()));
            assertThat(picture.getWidth()).isEqualTo(ScriptedProvider.WIDTH);
            assertThat(picture.getHeight()).isEqualTo(ScriptedProvider.HEIGHT);
            driver.failing.set(false);
            StreamFrame live = nextMatching(viewer, StreamFrame::live);
            assertThat(live.serial()).isGreaterThan(noSignal.serial());
        }
        assertThat(driver.opened.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void driverThatStopsDeliveringIsClosedAndRestarted() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("frame-timeout", "300ms"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            driver.hanging.set(true);
            nextMatching(viewer, f -> !f.live());
            assertThat(driver.closed.get()).isGreaterThanOrEqualTo(1);
            driver.hanging.set(false);
            nextMatching(viewer, StreamFrame::live);
        }
        assertThat(driver.opened.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void repeatedHangsOfASlowClosingDriverAreEachRecoveredWithoutOverlap() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        driver.closeTime = Duration.ofMillis(500);
        CameraFeed feed = feed(driver, Map.of("frame-timeout", "300ms"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            for (int hang = 0; hang < 3; hang++) {
                driver.hanging.set(true);
                nextMatching(viewer, f -> !f.live());
                driver.hanging.set(false);
                nextMatching(viewer, StreamFrame::live);
            }
        }
        assertThat(driver.opened.get()).isGreaterThanOrEqualTo(4);
        assertThat(driver.overlapped).as("a camera opened before the previous one was closed").isFalse();
    }

    @Test
    void closingTheFeedEndsEveryViewer() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of());
        Viewer viewer = feed.attach();
        viewer.next(Duration.ofSeconds(5)).orElseThrow();
        feed.close();
        assertThat(viewer.next()).isEmpty();
        assertThat(driver.closed).hasValue(1);
    }

    @Test
    void anotherDriverRestartsTheCaptureOnceTheOldCameraIsClosedAndTheViewersStay() throws Exception {
        ScriptedProvider old = new ScriptedProvider(30);
        old.closeTime = Duration.ofMillis(300);
        ScriptedProvider next = new ScriptedProvider(30);
        AtomicInteger openedBeforeTheOldClosed = new AtomicInteger();
        next.beforeOpen = () -> {
            if (old.opened.get() > old.closed.get()) {
                openedBeforeTheOldClosed.incrementAndGet();
            }
        };
        CameraFeed feed = feed(old, Map.of());
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            feed.useDriver(next);
            nextMatching(viewer, frame -> next.frames.get() > 0);
            assertThat(old.closed.get()).isEqualTo(old.opened.get());
            assertThat(openedBeforeTheOldClosed.get()).isZero();
            assertThat(feed.viewerCount()).isEqualTo(1);
        }
    }

    @Test
    void aDriverThatIsGoneShowsNoSignalWithTheReasonUntilOneComes() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of());
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            feed.driverGone("driver scripted was removed: scripted.jar is gone");
            nextMatching(viewer, frame -> !frame.live());
            assertThat(feed.stats().lastError().orElseThrow().message())
                    .isEqualTo("driver scripted was removed: scripted.jar is gone");
            assertThat(feed.driverMissing()).contains("driver scripted was removed: scripted.jar is gone");
            ScriptedProvider back = new ScriptedProvider(30);
            feed.useDriver(back);
            nextMatching(viewer, StreamFrame::live);
            assertThat(back.opened.get()).isEqualTo(1);
            assertThat(feed.driverMissing()).isEmpty();
        }
    }

    @Test
    void snapshotStartsCaptureAndReturnsAFreshFrame() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of());
        Optional<StreamFrame> snapshot = feed.snapshot(Duration.ofSeconds(5));
        assertThat(snapshot).isPresent();
        assertThat(snapshot.get().live()).isTrue();
        assertThat(feed.viewerCount()).isZero();
        assertThat(feed.snapshot(Duration.ofSeconds(5)).orElseThrow().serial())
                .as("a frame published after the call, not the one before").isGreaterThan(snapshot.get().serial());
    }

    @Test
    void everyFrameIsTurnedOnceAndTheSizeViewersSeeIsTheTurnedOne() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("rotate", "90", "width", String.valueOf(ScriptedProvider.WIDTH),
                "height", String.valueOf(ScriptedProvider.HEIGHT)));
        assertThat(feed.stats().width() + "x" + feed.stats().height()).as("before the first frame")
                .isEqualTo(ScriptedProvider.HEIGHT + "x" + ScriptedProvider.WIDTH);
        try (Viewer viewer = feed.attach(); Viewer other = feed.attach()) {
            StreamFrame frame = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(frame.frame().jpeg()));
            assertThat(picture.getWidth() + "x" + picture.getHeight())
                    .isEqualTo(ScriptedProvider.HEIGHT + "x" + ScriptedProvider.WIDTH);
            assertThat(other.next(Duration.ofSeconds(5)).orElseThrow().frame())
                    .as("one turned frame for every viewer").isSameAs(frame.frame());
        }
        feed.close();
        assertThat(feed.stats().width()).isEqualTo(ScriptedProvider.HEIGHT);
        assertThat(feed.turns().turned(JpegTransformer.Path.LOSSLESS)).isGreaterThan(0)
                .isEqualTo(feed.stats().framesCaptured());
    }

    @Test
    void noSignalOfATurnedCameraIsDrawnAtTheTurnedSize() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        driver.failing.set(true);
        CameraFeed feed = feed(driver, Map.of("rotate", "270", "width", "160", "height", "96"));
        try (Viewer viewer = feed.attach()) {
            StreamFrame noSignal = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(noSignal.live()).isFalse();
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(noSignal.frame().jpeg()));
            assertThat(picture.getWidth() + "x" + picture.getHeight()).isEqualTo("96x160");
        }
    }

    @Test
    void framesTheCameraSendsAgainAreNotPublishedButSnapshotsStillGetThePicture() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("drop-same-frames", "true"));
        try (Viewer viewer = feed.attach()) {
            StreamFrame first = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(viewer.next(Duration.ofMillis(500))).as("the camera sends the same picture again").isEmpty();
            StreamFrame snapshot = feed.snapshot(Duration.ofSeconds(5)).orElseThrow();
            assertThat(snapshot).as("the picture, confirmed by a frame after the request").isSameAs(first);
        }
        feed.close();
        assertThat(feed.stats().framesUnchanged()).isGreaterThan(5)
                .isEqualTo(feed.stats().framesCaptured() - 1);
    }

    @Test
    void aVariantViewerKeepsCaptureAndItsVariantRunningUntilItLeaves() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("variant-widths", "16, 32", "idle-timeout", "5s"));
        VariantSpec small = new VariantSpec(32, 60);
        try (Viewer viewer = feed.attach(ViewerOptions.INTERNAL.withVariant(Optional.of(small)))) {
            StreamFrame frame = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(frame.frame().jpeg()));
            assertThat(picture.getWidth() + "x" + picture.getHeight()).isEqualTo("32x24");
            assertThat(feed.variants().states()).extracting(VariantState::spec).containsExactly(small);
            assertThat(feed.snapshot(Optional.of(small), Duration.ofSeconds(5)).orElseThrow().frame().width())
                    .as("a snapshot of the running variant").isEqualTo(32);
            assertThat(feed.variants().states().getFirst().viewers()).isEqualTo(1);
        }
        assertThat(feed.variants().count()).isZero();
        assertThat(feed.capturing()).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(feed.capturing()).as("idle once the variant's viewer left").isFalse();
    }

    @Test
    void aSnapshotOfAVariantNobodyStreamsEncodesOnceAndLeavesNothingRunning() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("variant-widths", "32"));
        StreamFrame snapshot = feed.snapshot(Optional.of(new VariantSpec(32, 75)), Duration.ofSeconds(5))
                .orElseThrow();
        assertThat(snapshot.frame().width() + "x" + snapshot.frame().height()).isEqualTo("32x24");
        assertThat(feed.variants().count()).isZero();
        assertThat(feed.viewerCount()).isZero();
        assertThat(feed.variants().framesEncoded()).isEqualTo(1);
    }

    private CameraFeed feed(ScriptedProvider driver, Map<String, String> keys) {
        Config config = Config.just(ConfigSources.create(keys));
        CameraFeed feed = new CameraFeed("test", "scripted", driver, config, FeedSettings.from(config, driver), clock);
        feeds.add(feed);
        return feed;
    }

    private static StreamFrame nextMatching(Viewer viewer, java.util.function.Predicate<StreamFrame> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StreamFrame> frame = viewer.next(Duration.ofSeconds(5));
            if (frame.isPresent() && wanted.test(frame.get())) {
                return frame.get();
            }
        }
        throw new AssertionError("no matching frame within 10 s");
    }
}

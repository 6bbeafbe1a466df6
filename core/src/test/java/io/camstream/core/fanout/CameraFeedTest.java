package io.camstream.core.fanout;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class CameraFeedTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<CameraFeed> feeds = new ArrayList<>();

    @AfterEach
    void tearDown() {
        feeds.forEach(CameraFeed::close);
        timers.shutdownNow();
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
    void partIsAssembledOnceAndSharedByViewers() throws Exception {
        CameraFeed feed = feed(new ScriptedProvider(20), Map.of());
        try (Viewer a = feed.attach(); Viewer b = feed.attach()) {
            StreamFrame first = a.next(Duration.ofSeconds(5)).orElseThrow();
            StreamFrame same = b.next(Duration.ofSeconds(5)).orElseThrow();
            if (same.serial() == first.serial()) {
                assertThat(same.part()).isSameAs(first.part());
            }
            assertThat(first.live()).isTrue();
        }
    }

    @Test
    void advancePartIsAssembledOnceAndSharedByViewers() throws Exception {
        CameraFeed feed = feed(new ScriptedProvider(20), Map.of());
        try (Viewer a = feed.attach(); Viewer b = feed.attach()) {
            StreamFrame first = a.next(Duration.ofSeconds(5)).orElseThrow();
            StreamFrame same = b.next(Duration.ofSeconds(5)).orElseThrow();
            if (same.serial() == first.serial()) {
                assertThat(same.advancePart()).isSameAs(first.advancePart());
            }
        }
    }

    @Test
    void cappedViewerGetsItsRateWhileCaptureKeepsTheCamerasAndSentFramesAreCounted() throws Exception {
        CameraFeed feed = feed(new ScriptedProvider(50), Map.of("fps", "50"));
        ViewerOptions tenFps = new ViewerOptions(Optional.of("/192.0.2.1:4242"), 10, false);
        try (Viewer viewer = feed.attach(tenFps)) {
            viewer.next().orElseThrow();
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                viewer.sent(viewer.next().orElseThrow().part().length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(20 / seconds).isCloseTo(10, org.assertj.core.api.Assertions.within(1.0));
            assertThat(feed.stats().captureFps()).isCloseTo(50, org.assertj.core.api.Assertions.within(10.0));
            assertThat(feed.stats().framesCaptured()).isGreaterThan(60);
            assertThat(feed.stats().framesSent()).isEqualTo(20);
            assertThat(feed.stats().framesSkipped()).as("a capped viewer's dropped frames are not skips").isZero();
            assertThat(feed.streamingViewers()).containsExactly(viewer);
            assertThat(viewer.framesSent()).isEqualTo(20);
        }
        assertThat(feed.streamingViewers()).isEmpty();
    }

    @Test
    void viewerThatDoesNotAskSkipsToTheNewestFrame() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(50);
        CameraFeed feed = feed(driver, Map.of());
        try (Viewer slow = feed.attach()) {
            StreamFrame first = slow.next(Duration.ofSeconds(5)).orElseThrow();
            // The driver counts a frame before the feed publishes it: once frame +11 exists, +10 has been published.
            waitUntil(() -> driver.frames.get() >= first.frame().sequence() + 11, Duration.ofSeconds(5));
            StreamFrame later = slow.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(later.frame().sequence()).isGreaterThanOrEqualTo(first.frame().sequence() + 10);
        }
    }

    @Test
    void captureStopsAfterIdleTimeoutAndRestartsForTheNextViewer() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("idle-timeout", "300ms"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        assertThat(feed.capturing()).isTrue();
        waitUntil(() -> !feed.capturing() && driver.closed.get() == 1, Duration.ofSeconds(5));
        long framesWhenStopped = driver.frames.get();
        Thread.sleep(200);
        assertThat(driver.frames.get()).isLessThanOrEqualTo(framesWhenStopped + 1);

        try (Viewer viewer = feed.attach()) {
            StreamFrame fresh = viewer.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(driver.opened).hasValue(2);
            assertThat(fresh.frame().sequence()).as("a frame of the new capture").isGreaterThan(framesWhenStopped);
        }
    }

    @Test
    void viewerArrivingWithinIdleTimeoutKeepsTheCaptureRunning() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of("idle-timeout", "2s"));
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        try (Viewer viewer = feed.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
        }
        assertThat(driver.opened).hasValue(1);
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
    void snapshotStartsCaptureAndReturnsAFreshFrame() throws Exception {
        ScriptedProvider driver = new ScriptedProvider(30);
        CameraFeed feed = feed(driver, Map.of());
        Optional<StreamFrame> snapshot = feed.snapshot(Duration.ofSeconds(5));
        assertThat(snapshot).isPresent();
        assertThat(snapshot.get().live()).isTrue();
        assertThat(feed.viewerCount()).isZero();
    }

    private CameraFeed feed(ScriptedProvider driver, Map<String, String> keys) {
        Config config = Config.just(ConfigSources.create(keys));
        CameraFeed feed = new CameraFeed("test", "scripted", driver, config, FeedSettings.from(config, driver), timers);
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

    private static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(10);
        }
    }
}

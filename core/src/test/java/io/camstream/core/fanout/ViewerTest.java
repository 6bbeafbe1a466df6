package io.camstream.core.fanout;

import io.camstream.core.fanout.WatchingThread.Delivery;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a viewer is paced, on a clock the test moves: frames are published at known times, and each frame a viewer
 * takes is noted with the time it took it, so caps, repeats and keep-alives are checked to the beat.
 */
class ViewerTest {

    private static final Frame FRAME = new Frame(new byte[]{1}, 1, Instant.EPOCH, 1, 1);
    private static final ViewerOptions UNCAPPED = ViewerOptions.INTERNAL;

    private final ManualClock clock = new ManualClock();
    private final AtomicLong skipped = new AtomicLong();
    private final List<WatchingThread> threads = new ArrayList<>();
    private FrameFanout fanout;

    @AfterEach
    void tearDown() throws InterruptedException {
        fanout.close();
        for (WatchingThread thread : threads) {
            thread.close();
        }
    }

    @Test
    void cappedViewerTakesTheFrameClosestToEachDueTimeAndNoMore() throws Exception {
        fanout(50);
        WatchingThread viewer = watch(new ViewerOptions(Optional.empty(), 10, false));
        for (int elapsed = 10; elapsed < 1000; elapsed += 20) {
            publishAt(Duration.ofMillis(elapsed), viewer);
        }

        // Frame n is published at 10 + (n - 1) × 20 ms. Due every 100 ms, the viewer takes the frame closest to
        // each due time: the one 10 ms (half a frame interval) before it.
        assertThat(viewer.taken()).extracting(Delivery::serial)
                .containsExactly(1L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L, 50L);
        assertThat(skipped).as("a capped viewer's dropped frames are by design, not skips").hasValue(0);
    }

    @Test
    void uncappedViewerThatWasBusySkipsToTheNewestFrameAndTheSkipsAreCounted() throws Exception {
        fanout(30);
        try (Viewer viewer = fanout.viewer(UNCAPPED, 0, v -> { })) {
            fanout.publish(FRAME, true);
            assertThat(viewer.next().orElseThrow().serial()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                fanout.publish(FRAME, true);
            }
            assertThat(viewer.next().orElseThrow().serial()).isEqualTo(4);
        }
        assertThat(skipped).hasValue(2);
    }

    @Test
    void viewersOfOneFrameGetTheVerySameFrame() throws Exception {
        fanout(30);
        try (Viewer a = fanout.viewer(UNCAPPED, 0, v -> { }); Viewer b = fanout.viewer(UNCAPPED, 0, v -> { })) {
            StreamFrame published = fanout.publish(FRAME, true);
            assertThat(a.next().orElseThrow()).isSameAs(published);
            assertThat(b.next().orElseThrow()).isSameAs(published);
        }
    }

    @Test
    void stillFrameIsRepeatedAtTheFirstBeatASecondAfterItWasSent() throws Exception {
        fanout(25);
        WatchingThread viewer = watch(UNCAPPED);
        publishAt(Duration.ZERO, viewer);
        assertThat(viewer.taken()).containsExactly(new Delivery(Duration.ZERO, 1));

        for (int beat = 1; beat <= 8; beat++) {
            clock.advance(FrameFanout.BEAT);
            viewer.awaitParked();
        }

        assertThat(viewer.taken()).containsExactly(
                new Delivery(Duration.ofSeconds(1), 1), new Delivery(Duration.ofSeconds(2), 1));
    }

    @Test
    void viewerCappedBelowTheKeepAliveGetsItsLastFrameAgainAndNeverFallsSilentForFiveSeconds() throws Exception {
        fanout(10);
        // fps=0.08: a frame every 12.5 s, longer than a proxy such as Home Assistant's waits for bytes (10 s).
        WatchingThread viewer = watch(new ViewerOptions(Optional.empty(), 0.08, false));
        Duration step = Duration.ofMillis(250);
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(Duration.ofSeconds(26)) <= 0; elapsed = elapsed.plus(step)) {
            publishAt(elapsed, viewer);
        }

        // Frame n is published at (n - 1) × 250 ms, right after the beat of the same time: the beat at 12.5 s
        // releases the viewer, which takes the newest frame then, number 50 of 12.25 s.
        assertThat(viewer.taken()).containsExactly(
                new Delivery(Duration.ZERO, 1),
                new Delivery(Duration.ofSeconds(4), 1),
                new Delivery(Duration.ofSeconds(8), 1),
                new Delivery(Duration.ofSeconds(12), 1),
                new Delivery(Duration.ofMillis(12_500), 50),
                new Delivery(Duration.ofMillis(16_500), 50),
                new Delivery(Duration.ofMillis(20_500), 50),
                new Delivery(Duration.ofMillis(24_500), 50),
                new Delivery(Duration.ofSeconds(25), 100));
    }

    @Test
    void dualFinalFramesSendsTheLastFrameAgainOnceTheSourcePausesForTwoFrameIntervals() throws Exception {
        fanout(25);
        WatchingThread viewer = watch(new ViewerOptions(Optional.empty(), 0, true));
        publishAt(Duration.ZERO, viewer);
        assertThat(viewer.awaitDelivery()).isEqualTo(new Delivery(Duration.ZERO, 1));

        clock.advance(Duration.ofMillis(40));
        viewer.awaitParked();
        // The pause is waited for in real time, up to the 40 ms still missing by the feed's clock; give it more.
        Thread.sleep(200);
        assertThat(viewer.taken()).as("one frame interval is no pause yet").isEmpty();

        clock.advance(Duration.ofMillis(40));
        assertThat(viewer.awaitDelivery()).isEqualTo(new Delivery(Duration.ofMillis(80), 1));

        viewer.awaitParked();
        for (int beat = 1; beat <= 5; beat++) {
            clock.advance(Duration.ofMillis(250).minusMillis(beat == 1 ? 80 : 0));
            viewer.awaitParked();
        }
        assertThat(viewer.taken()).as("then once a second, at the first beat after it")
                .containsExactly(new Delivery(Duration.ofMillis(1250), 1));
    }

    @Test
    void closingTheFanoutEndsEveryViewerAtOnce() throws Exception {
        fanout(30);
        WatchingThread uncapped = watch(UNCAPPED);
        WatchingThread capped = watch(new ViewerOptions(Optional.empty(), 0.1, false));
        publishAt(Duration.ZERO, uncapped);
        capped.awaitParked();

        fanout.close();

        uncapped.awaitEnd();
        capped.awaitEnd();
    }

    private void fanout(int fps) {
        fanout = new FrameFanout(clock, fps, skipped::addAndGet);
        clock.every(FrameFanout.BEAT, fanout::beat);
    }

    private WatchingThread watch(ViewerOptions options) {
        WatchingThread thread = new WatchingThread(fanout.viewer(options, options.maxFps(), v -> { }), clock);
        threads.add(thread);
        return thread;
    }

    /**
     * Moves the clock to the given time and publishes a frame there, letting the viewer settle after each: first
     * after the beats on the way, then after the frame.
     */
    private void publishAt(Duration elapsed, WatchingThread viewer) throws InterruptedException {
        viewer.awaitParked();
        clock.advance(elapsed.minus(clock.elapsed()));
        viewer.awaitParked();
        fanout.publish(FRAME, true);
        viewer.awaitParked();
    }
}

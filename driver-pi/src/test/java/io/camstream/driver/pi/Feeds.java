package io.camstream.driver.pi;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.FeedClock;
import io.camstream.core.fanout.FeedSettings;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.spi.CameraProvider;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Cameras run as the server runs them: a {@link CameraFeed} per camera, watched through {@link Viewer}s. */
final class Feeds implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<CameraFeed> feeds = new ArrayList<>();

    /** The camera nodes of a {@code camstream.cameras} list in YAML. */
    static List<Config> cameras(String yaml) {
        Config root = Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML));
        return root.get("camstream.cameras").asNodeList().get();
    }

    /** A feed of the first camera of the YAML. */
    CameraFeed feed(CameraProvider driver, String yaml) {
        return feed(driver, cameras(yaml).getFirst());
    }

    CameraFeed feed(CameraProvider driver, Config camera) {
        String name = camera.get("name").asString().get();
        CameraFeed feed = new CameraFeed(name, "pi", driver, camera, FeedSettings.from(camera, driver),
                FeedClock.system(timers));
        feeds.add(feed);
        return feed;
    }

    /** Waits for the next frame that matches, failing after {@link #WAIT}. */
    static StreamFrame next(Viewer viewer, Predicate<StreamFrame> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            assertThat(left).as("no matching frame within %s", WAIT).isPositive();
            StreamFrame frame = viewer.next(Duration.ofNanos(left)).orElse(null);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
    }

    static StreamFrame nextLive(Viewer viewer) throws InterruptedException {
        return next(viewer, StreamFrame::live);
    }

    static StreamFrame nextNoSignal(Viewer viewer) throws InterruptedException {
        return next(viewer, frame -> !frame.live());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting for: %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        feeds.forEach(CameraFeed::close);
        timers.shutdownNow();
    }
}

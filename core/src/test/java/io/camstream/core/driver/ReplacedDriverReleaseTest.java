package io.camstream.core.driver;

import io.camstream.core.cameras.Cameras;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import testdrivers.DriverJars;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running camera's driver jar replaced fifty times: each time the camera runs on the new code, and every old class
 * loader is released, so that the classes loaded and the metaspace used come back to where they were.
 */
class ReplacedDriverReleaseTest {

    private static final int CYCLES = 50;
    private static final int WARM_UP = 3;
    /** Each version defines two classes: fifty loaders kept added 102 classes here, none kept added 1. */
    private static final int CLASS_SLACK = 20;
    /** Fifty loaders kept took 563 KB of metaspace more here; none kept, 173 KB (the JIT's and the test's own). */
    private static final long METASPACE_SLACK = 384 * 1024;

    @TempDir
    Path drivers;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fiftyReplacementsOfARunningCamerasDriverLeaveNoClassLoaderBehind() throws Exception {
        Path jar = DriverJars.versioned(drivers.resolve("versioned.jar"), 0);
        List<WeakReference<ClassLoader>> retired = new ArrayList<>();
        try (DriverRegistry registry = DriverRegistry.discover(getClass().getClassLoader(), List.of(drivers),
                Duration.ZERO, System::nanoTime);
             Cameras cameras = Cameras.fromConfig(cameras(), registry)) {
            CameraFeed feed = cameras.find("cycling").orElseThrow();
            try (Viewer viewer = feed.attach()) {
                for (int version = 1; version <= WARM_UP; version++) {
                    replace(jar, version, registry, cameras, feed, viewer);
                }
                Figures before = Figures.afterCollecting(List.of());
                long start = System.nanoTime();
                for (int version = WARM_UP + 1; version <= WARM_UP + CYCLES; version++) {
                    retired.add(new WeakReference<>(loaderOf(registry)));
                    replace(jar, version, registry, cameras, feed, viewer);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Figures after = Figures.afterCollecting(retired);
                System.out.printf("%d driver replacements in %d ms: classes %d -> %d, metaspace %d -> %d KB%n",
                        CYCLES, took.toMillis(), before.classes(), after.classes(), before.metaspace() / 1024,
                        after.metaspace() / 1024);
                assertThat(retired).as("old class loaders still reachable")
                        .allSatisfy(loader -> assertThat(loader.get()).isNull());
                assertThat(after.classes()).isLessThanOrEqualTo(before.classes() + CLASS_SLACK);
                assertThat(after.metaspace()).isLessThanOrEqualTo(before.metaspace() + METASPACE_SLACK);
            }
        }
    }

    /** Puts a new version in place, takes it in, and waits until the camera's frames come from it. */
    private static void replace(Path jar, int version, DriverRegistry registry, Cameras cameras, CameraFeed feed,
                                Viewer viewer) throws Exception {
        DriverJars.versioned(jar, version);
        try (DriverChanges changes = registry.rescan()) {
            assertThat(changes.names()).as("version %d taken in", version).containsExactly("versioned");
            cameras.useDrivers(registry, changes);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!String.valueOf(version).equals(feed.driverDetails().get("version"))) {
            assertThat(System.nanoTime()).as("version %d running", version).isLessThan(deadline);
            Thread.sleep(5);
        }
        StreamFrame frame = viewer.next(Duration.ofSeconds(5)).orElseThrow();
        assertThat(frame.live()).as("a live frame of version %d", version).isTrue();
    }

    private static ClassLoader loaderOf(DriverRegistry registry) {
        return registry.find("versioned").orElseThrow().provider().getClass().getClassLoader();
    }

    private static Config cameras() {
        return Config.just(ConfigSources.create("""
                cameras:
                  - name: cycling
                    driver: versioned
                """, MediaTypes.APPLICATION_X_YAML)).get("cameras");
    }

    /** The classes loaded and the metaspace used, after collecting until the given loaders are gone (or a while). */
    private record Figures(long classes, long metaspace) {
        static Figures afterCollecting(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
            for (int attempt = 0; attempt < 20; attempt++) {
                System.gc();
                Thread.sleep(50);
                if (attempt >= 2 && loaders.stream().allMatch(loader -> loader.get() == null)) {
                    break;
                }
            }
            ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
            long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getName().equals("Metaspace"))
                    .map(MemoryPoolMXBean::getUsage)
                    .mapToLong(usage -> usage.getUsed())
                    .sum();
            return new Figures(classes.getLoadedClassCount(), metaspace);
        }
    }
}

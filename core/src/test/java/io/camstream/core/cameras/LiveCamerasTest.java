package io.camstream.core.cameras;

import io.camstream.core.driver.DriverChanges;
import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.spi.CameraConfigException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testdrivers.DriverJars;
import testdrivers.TickingProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The set of cameras changed while viewers watch: only what changed restarts. */
class LiveCamerasTest {

    @TempDir
    Path driversDir;

    private static final String ATTIC_ON_VERSIONED = """
            - name: attic
              driver: versioned
            """;

    private DriverRegistry drivers;
    private Cameras cameras;
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void start() {
        drivers = DriverRegistry.discover(getClass().getClassLoader(), List.of(driversDir));
        cameras = Cameras.fromConfig(list("""
                - name: desk
                  driver: ticking
                - name: door
                  driver: ticking
                """), drivers);
        cameras.listen(new CameraListener() {
            @Override
            public void added(CameraFeed feed) {
                heard.add("added " + feed.name());
            }

            @Override
            public void removed(CameraFeed feed) {
                heard.add("removed " + feed.name() + (feed.capturing() ? " (capturing)" : ""));
            }
        });
    }

    @AfterEach
    void stop() {
        cameras.close();
        drivers.close();
    }

    @Test
    void aListenerHearsOfTheCamerasThereAreWhenItStartsListening() {
        assertThat(heard).containsExactly("added desk", "added door");
    }

    @Test
    void anAddedCameraAppearsAndTheOthersKeepTheirFeedAndCapture() throws Exception {
        CameraFeed desk = cameras.find("desk").orElseThrow();
        try (Viewer viewer = desk.attach()) {
            long before = viewer.next(Duration.ofSeconds(5)).orElseThrow().frame().sequence();
            CameraChanges changes = apply("""
                    - name: desk
                      driver: ticking
                    - name: door
                      driver: ticking
                    - name: attic
                      driver: ticking
                    """);
            assertThat(changes.added()).containsExactly("attic");
            assertThat(changes.kept()).containsExactly("desk", "door");
            assertThat(cameras.names()).containsExactly("desk", "door", "attic");
            assertThat(cameras.find("desk")).containsSame(desk);
            assertThat(heard).endsWith("added attic");
            assertThat(viewer.next(Duration.ofSeconds(5)).orElseThrow().frame().sequence())
                    .as("the same capture goes on").isGreaterThan(before);
        }
        assertThat(ticking().opened.get()).as("cameras opened").isEqualTo(1);
    }

    @Test
    void aChangedCameraGetsANewFeedAndItsViewersStreamEnds() throws Exception {
        CameraFeed door = cameras.find("door").orElseThrow();
        try (Viewer viewer = door.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            CameraChanges changes = apply("""
                    - name: desk
                      driver: ticking
                    - name: door
                      driver: ticking
                      fps: 10
                    """);
            assertThat(changes.changed()).containsExactly("door");
            assertThat(changes.kept()).containsExactly("desk");
            assertThat(endOf(viewer)).as("the old feed's viewer is at its end").isTrue();
        }
        CameraFeed newDoor = cameras.find("door").orElseThrow();
        assertThat(newDoor).isNotSameAs(door);
        assertThat(newDoor.settings().fps()).isEqualTo(10);
        assertThat(door.capturing()).isFalse();
        assertThat(heard).endsWith("removed door (capturing)", "added door");
    }

    @Test
    void aRemovedCameraIsClosedAndItsCaptureStops() throws Exception {
        CameraFeed door = cameras.find("door").orElseThrow();
        try (Viewer viewer = door.attach()) {
            viewer.next(Duration.ofSeconds(5)).orElseThrow();
            CameraChanges changes = apply("""
                    - name: desk
                      driver: ticking
                    """);
            assertThat(changes.removed()).containsExactly("door");
            assertThat(endOf(viewer)).isTrue();
        }
        assertThat(cameras.find("door")).isEmpty();
        assertThat(door.capturing()).isFalse();
        assertThat(ticking().closed.get()).isEqualTo(ticking().opened.get());
    }

    @Test
    void whoMayWatchIsNotHowACameraRunsSoChangingItKeepsTheFeed() {
        CameraFeed desk = cameras.find("desk").orElseThrow();
        CameraChanges changes = apply("""
                - name: desk
                  driver: ticking
                  allowed-users: [alice]
                - name: door
                  driver: ticking
                """);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(cameras.find("desk")).containsSame(desk);
    }

    @Test
    void reorderingKeepsEveryFeedAndMakesTheNewFirstTheDefault() {
        CameraFeed desk = cameras.find("desk").orElseThrow();
        CameraFeed door = cameras.find("door").orElseThrow();
        CameraChanges changes = apply("""
                - name: door
                  driver: ticking
                - name: desk
                  driver: ticking
                """);
        assertThat(changes.isEmpty()).isTrue();
        assertThat(cameras.defaultCamera()).isSameAs(door);
        assertThat(cameras.find("desk")).containsSame(desk);
    }

    @Test
    void aPlanThatDoesNotValidateChangesNothing() {
        CameraFeed desk = cameras.find("desk").orElseThrow();
        assertThatThrownBy(() -> cameras.plan(list("""
                - name: desk
                  driver: ticking
                - name: attic
                  driver: ticking
                  fps: 500
                """), drivers))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.1.fps: '500' is out of range (allowed: 1 to 200)");
        assertThat(cameras.names()).containsExactly("desk", "door");
        assertThat(cameras.find("desk")).containsSame(desk);
        assertThat(heard).containsExactly("added desk", "added door");
    }

    @Test
    void aCameraWhoseDriverJarIsRemovedShowsNoSignalSayingSoAndWaitsThroughLaterEdits() throws Exception {
        Path jar = DriverJars.versioned(driversDir.resolve("versioned.jar"), 1);
        try (DriverRegistry withJar = DriverRegistry.discover(getClass().getClassLoader(), List.of(driversDir),
                Duration.ZERO, System::nanoTime);
             Cameras live = Cameras.fromConfig(list(ATTIC_ON_VERSIONED), withJar)) {
            CameraFeed attic = live.find("attic").orElseThrow();
            try (Viewer viewer = attic.attach()) {
                assertThat(viewer.next(Duration.ofSeconds(5)).orElseThrow().live()).isTrue();
                Files.delete(jar);
                try (DriverChanges changes = withJar.rescan()) {
                    live.useDrivers(withJar, changes);
                }
                StreamFrame noSignal = next(viewer, frame -> !frame.live());
                assertThat(noSignal.frame().jpeg()).startsWith(0xFF, 0xD8);
                String reason = "driver versioned was removed: " + jar + " is gone";
                assertThat(attic.stats().lastError().orElseThrow().message()).isEqualTo(reason);
                assertThat(attic.driverMissing()).contains(reason);

                CameraChanges unchanged = live.apply(live.plan(list(ATTIC_ON_VERSIONED + """
                        - name: desk
                          driver: ticking
                        """), withJar));
                assertThat(unchanged.added()).containsExactly("desk");
                assertThat(live.find("attic")).containsSame(attic);
                assertThatThrownBy(() -> live.plan(list(ATTIC_ON_VERSIONED.replace("versioned\n",
                        "versioned\n  fps: 5\n")), withJar))
                        .as("a changed camera needs its driver, as at start-up")
                        .hasMessageContaining("camstream.cameras.0.driver: 'versioned' is not an installed driver");

                DriverJars.versioned(jar, 2);
                try (DriverChanges changes = withJar.rescan()) {
                    live.useDrivers(withJar, changes);
                }
                next(viewer, StreamFrame::live);
                assertThat(attic.driverDetails()).containsEntry("version", "2");
                assertThat(attic.driverMissing()).isEmpty();
            }
        }
    }

    private CameraChanges apply(String yaml) {
        return cameras.apply(cameras.plan(list(yaml), drivers));
    }

    private TickingProvider ticking() {
        return (TickingProvider) drivers.find("ticking").orElseThrow().provider();
    }

    /** Whether a viewer's feed ended: no frame, at once, rather than after the wait. */
    private static boolean endOf(Viewer viewer) throws InterruptedException {
        long start = System.nanoTime();
        Optional<StreamFrame> frame;
        do {
            frame = viewer.next(Duration.ofSeconds(5));
        } while (frame.isPresent() && System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        return frame.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(4).toNanos();
    }

    private static StreamFrame next(Viewer viewer, Predicate<StreamFrame> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StreamFrame> frame = viewer.next(Duration.ofSeconds(1));
            if (frame.isPresent() && wanted.test(frame.get())) {
                return frame.get();
            }
        }
        throw new AssertionError("no such frame within 10 s");
    }

    private static Config list(String cameras) {
        return Config.just(ConfigSources.create("camstream:\n  cameras:\n" + cameras.indent(4),
                MediaTypes.APPLICATION_X_YAML)).get("camstream.cameras");
    }
}

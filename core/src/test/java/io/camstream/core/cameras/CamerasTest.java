package io.camstream.core.cameras;

import io.camstream.core.driver.DriverRegistry;
import io.camstream.core.fanout.FeedSettings;
import io.camstream.spi.CameraConfigException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CamerasTest {

    @TempDir
    Path driversDir;

    private DriverRegistry drivers;

    @AfterEach
    void tearDown() {
        if (drivers != null) {
            drivers.close();
        }
    }

    /** Two cameras of the fake driver, the second with a size of its own. */
    private static final String DESK_AND_DOOR = """
            camstream:
              cameras:
                - name: desk
                  driver: fake
                - name: door
                  driver: fake
                  width: 320
                  height: 240
            """;

    @Test
    void firstCameraIsTheDefaultAndOrderIsKept() {
        try (Cameras cameras = cameras(DESK_AND_DOOR)) {
            assertThat(cameras.defaultCamera().name()).isEqualTo("desk");
            assertThat(cameras.names()).containsExactly("desk", "door");
            assertThat(cameras.find("door")).isPresent();
            assertThat(cameras.find("attic")).isEmpty();
        }
    }

    @Test
    void sizeBeforeTheFirstFrameIsTheDriversUnlessTheCameraGivesOne() {
        try (Cameras cameras = cameras(DESK_AND_DOOR)) {
            assertThat(cameras.find("desk").orElseThrow().settings())
                    .extracting(FeedSettings::width, FeedSettings::height).containsExactly(1920, 1080);
            assertThat(cameras.find("door").orElseThrow().settings())
                    .extracting(FeedSettings::width, FeedSettings::height).containsExactly(320, 240);
        }
    }

    @Test
    void unknownDriverNamesInstalledDriversAndTheDirectorySearched() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: webcam
                """))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("camstream.cameras.0.driver: 'webcam' is not an installed driver")
                .hasMessageContaining("fake (class path")
                .hasMessageContaining(driversDir.toAbsolutePath().toString());
    }

    @Test
    void unknownDriverNamesEveryDirectorySearched() {
        Path own = driversDir.resolve("own");
        String unknownWebcam = """
                camstream:
                  cameras:
                    - name: desk
                      driver: webcam
                """;
        assertThatThrownBy(() -> cameras(unknownWebcam, List.of(driversDir, own)))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("Drivers directories searched: " + driversDir.toAbsolutePath() + ", "
                        + own.toAbsolutePath() + " (put a driver jar in one of them, or set camstream.drivers-dir)");
    }

    @Test
    void cameraWithoutNameIsAnError() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - driver: fake
                """))
                .hasMessageContaining("camstream.cameras.0: a camera needs a 'name'");
    }

    @Test
    void cameraWithoutDriverIsAnErrorListingDrivers() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                """))
                .hasMessageContaining("camstream.cameras.0: a camera needs a 'driver'")
                .hasMessageContaining("Installed drivers: fake");
    }

    @Test
    void twoCamerasWithOneNameAreAnError() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                    - name: desk
                      driver: fake
                """))
                .hasMessageContaining("camstream.cameras.1.name: 'desk' is already the name of camstream.cameras.0");
    }

    @Test
    void nameThatCannotAppearInAUrlIsAnError() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: front door
                      driver: fake
                """))
                .hasMessageContaining("camstream.cameras.0.name: 'front door' is not a usable camera name");
    }

    @Test
    void wrongTypeNamesKeyValueAndRange() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                      fps: fast
                """))
                .hasMessage("camstream.cameras.0.fps: 'fast' is not a whole number (allowed: 1 to 120)");
    }

    @Test
    void outOfRangeNamesKeyValueAndRange() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                      fps: 500
                """))
                .hasMessage("camstream.cameras.0.fps: '500' is out of range (allowed: 1 to 120)");
    }

    @Test
    void badFanOutDurationNamesKeyAndForm() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                      idle-timeout: soon
                """))
                .hasMessageContaining("camstream.cameras.0.idle-timeout: 'soon' is not a duration")
                .hasMessageContaining("10s");
    }

    @Test
    void misspelledKeyIsReportedWithTheAllowedKeys() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                      fsp: 10
                """))
                .hasMessageContaining("camstream.cameras.0.fsp: 'fsp' is not a key of driver 'fake'")
                .hasMessageContaining("allowed: allowed-users, driver, drop-same-frames, flip, fps, frame-timeout, "
                        + "height, idle-timeout, max-frame-bytes, max-variants, max-viewer-fps, max-viewers, name, "
                        + "rotate, variant-widths, width");
    }

    @Test
    void aWrongOrientationStopsTheStartWithTheKey() {
        assertThatThrownBy(() -> cameras("""
                camstream:
                  cameras:
                    - name: desk
                      driver: fake
                      rotate: 45
                """))
                .hasMessage("camstream.cameras.0.rotate: '45' is not a known value (allowed: 0, 90, 180, 270)");
    }

    @Test
    void noCamerasIsAnError() {
        assertThatThrownBy(() -> cameras("""
                server:
                  port: 0
                """))
                .hasMessageContaining("camstream.cameras: no camera is configured");
    }

    private Cameras cameras(String yaml) {
        return cameras(yaml, List.of(driversDir));
    }

    private Cameras cameras(String yaml, List<Path> driversDirs) {
        drivers = DriverRegistry.discover(getClass().getClassLoader(), driversDirs);
        Config root = Config.just(ConfigSources.create(yaml, io.helidon.common.media.type.MediaTypes.APPLICATION_X_YAML));
        return Cameras.fromConfig(root.get("camstream.cameras"), drivers);
    }
}

package io.camstream.driver.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.Viewer;
import io.camstream.spi.Camera;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.camstream.driver.pi.Feeds.await;
import static io.camstream.driver.pi.Feeds.nextLive;
import static io.camstream.driver.pi.Feeds.nextNoSignal;
import static org.assertj.core.api.Assertions.assertThat;

/** The status LED, on Pi4J's mock platform, follows the capture. */
class StatusLedTest {

    private static final int PIN = 17;

    @TempDir
    Path dir;
    private FakeRpicamVid rpicam;
    private final MockGpio gpio = new MockGpio();
    private final PiCameraProvider driver = new PiCameraProvider(gpio);
    private final Feeds feeds = new Feeds();

    @BeforeEach
    void installFake() throws IOException {
        rpicam = FakeRpicamVid.install(dir);
    }

    @AfterEach
    void closeFeeds() {
        feeds.close();
    }

    @Test
    void theLedIsLitWhileCapturingAndOffAfterAnIdleStop() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera("pi", PIN));
        assertThat(gpio.contexts()).as("no Pi4J before the first viewer").isEmpty();

        DigitalOutput led;
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
            assertThat(gpio.lit(PIN)).isTrue();
            led = gpio.output(PIN).orElseThrow();
        }

        await("capture to stop", () -> !feed.capturing());
        await("the LED to go off", () -> led.state() == DigitalState.LOW);
        await("Pi4J to shut down", () -> gpio.contexts().getFirst().isShutdown());
    }

    @Test
    void theLedIsOffWhileTheDriverFailsAndLitAgainWhenItRecovers() throws Exception {
        rpicam.mode("die-after 5");
        CameraFeed feed = feeds.feed(driver, camera("pi", PIN));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
            assertThat(gpio.lit(PIN)).isTrue();

            nextNoSignal(viewer);
            assertThat(gpio.lit(PIN)).as("lit during NO SIGNAL").isFalse();
            rpicam.mode("normal");

            nextLive(viewer);
            assertThat(gpio.lit(PIN)).isTrue();
        }
    }

    @Test
    void theLedIsOffAfterTheFeedCloses() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera("pi", PIN));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
            DigitalOutput led = gpio.output(PIN).orElseThrow();

            feed.close();

            assertThat(led.state()).isEqualTo(DigitalState.LOW);
            assertThat(gpio.contexts()).allMatch(context -> context.isShutdown());
        }
    }

    @Test
    void withoutAPinNoPi4jContextIsMade() throws Exception {
        CameraFeed feed = feeds.feed(driver, camera("pi", null));
        try (Viewer viewer = feed.attach()) {
            nextLive(viewer);
        }
        assertThat(gpio.contexts()).isEmpty();
    }

    @Test
    void twoCamerasShareOneContextAndStopIndependently() throws Exception {
        String second = camera("right", 27).replace("camstream:\n  cameras:\n", "");
        List<Config> cameras = Feeds.cameras(camera("left", 17) + second);
        CameraFeed left = feeds.feed(driver, cameras.get(0));
        CameraFeed right = feeds.feed(driver, cameras.get(1));
        try (Viewer viewer = right.attach()) {
            try (Viewer other = left.attach()) {
                nextLive(other);
                nextLive(viewer);
                assertThat(gpio.lit(17)).isTrue();
                assertThat(gpio.lit(27)).isTrue();
            }
            await("the left camera to stop", () -> !left.capturing());
            await("the left LED to go off", () -> !gpio.lit(17));

            nextLive(viewer);
            assertThat(gpio.lit(27)).as("the right LED, still capturing").isTrue();
            assertThat(gpio.contexts()).hasSize(1);
        }
    }

    @Test
    void detailsNameTheLedPin() throws Exception {
        try (Camera camera = driver.create(Feeds.cameras(camera("pi", PIN)).getFirst(), "pi")) {
            assertThat(camera.details()).containsEntry("status LED", "GPIO " + PIN);
        }
    }

    private String camera(String name, Integer pin) {
        return """
                camstream:
                  cameras:
                    - name: %s
                      driver: pi
                      command: %s
                      width: 320
                      height: 240
                      fps: 20
                      idle-timeout: 200ms
                %s""".formatted(name, rpicam.program(), pin == null ? "" : "      status-led-pin: " + pin + "\n");
    }
}

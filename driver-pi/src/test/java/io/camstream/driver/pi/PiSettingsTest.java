package io.camstream.driver.pi;

import io.camstream.spi.CameraConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiSettingsTest {

    @Test
    void defaultsAre720pAt30FpsQuality80() {
        PiSettings settings = PiSettings.from(Feeds.cameras(camera("")).getFirst());

        assertThat(settings.command()).containsExactly("rpicam-vid", "-t", "0", "-n", "--codec", "mjpeg",
                "--width", "1280", "--height", "720", "--framerate", "30", "-q", "80", "--flush", "-o", "-");
        assertThat(settings.statusLedPin()).isEmpty();
        assertThat(settings.maxFrameBytes()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void wrongValuesNameTheirKey() {
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      rotation: 90\n")).getFirst()))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.rotation: '90' is not a known value (allowed: 0, 180)");
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      quality: 101\n")).getFirst()))
                .hasMessage("camstream.cameras.0.quality: '101' is out of range (allowed: 1 to 100)");
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      status-led-pin: GPIO17\n")).getFirst()))
                .hasMessage("camstream.cameras.0.status-led-pin: 'GPIO17' is not a whole number (allowed: 0 to 53)");
    }

    @Test
    void extraArgsMustBeAList() {
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      extra-args: --awb indoor\n")).getFirst()))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.extra-args: expected a list with one argument per entry, "
                        + "such as [\"--awb\", \"indoor\"]");
    }

    private static String camera(String extra) {
        return """
                camstream:
                  cameras:
                    - name: pi
                      driver: pi
                %s""".formatted(extra);
    }
}

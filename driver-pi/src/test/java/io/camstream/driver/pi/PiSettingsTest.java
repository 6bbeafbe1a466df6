package io.camstream.driver.pi;

import io.camstream.spi.CameraConfigException;
import io.camstream.spi.Orientation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      rotate: 45\n")).getFirst()))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.rotate: '45' is not a known value (allowed: 0, 90, 180, 270)");
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      quality: 101\n")).getFirst()))
                .hasMessage("camstream.cameras.0.quality: '101' is out of range (allowed: 1 to 100)");
        assertThatThrownBy(() -> PiSettings.from(Feeds.cameras(camera("      status-led-pin: GPIO17\n")).getFirst()))
                .hasMessage("camstream.cameras.0.status-led-pin: 'GPIO17' is not a whole number (allowed: 0 to 53)");
    }

    @Test
    void rpicamVidMirrorsAndTurnsByHalfAndLeavesAtMostATransposeToCamstream() {
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("0 none", List.of()),
                Map.entry("0 horizontal", List.of("--hflip")),
                Map.entry("0 vertical", List.of("--vflip")),
                Map.entry("180 none", List.of("--rotation", "180")),
                Map.entry("180 horizontal", List.of("--vflip")),
                Map.entry("180 vertical", List.of("--hflip")),
                Map.entry("90 none", List.of("--vflip")),
                Map.entry("90 horizontal", List.of()),
                Map.entry("90 vertical", List.of("--rotation", "180")),
                Map.entry("270 none", List.of("--hflip")),
                Map.entry("270 horizontal", List.of("--rotation", "180")),
                Map.entry("270 vertical", List.of()));
        expected.forEach((keys, args) -> {
            String[] words = keys.split(" ");
            PiSettings settings = PiSettings.from(Feeds.cameras(camera("      rotate: " + words[0] + "\n      flip: "
                    + words[1] + "\n")).getFirst());
            Orientation wanted = Orientation.of(Integer.parseInt(words[0]), words[1]);
            List<String> command = settings.command();
            assertThat(command.subList(command.indexOf("--flush") + 1, command.indexOf("-o"))).as(keys)
                    .isEqualTo(args);
            Orientation left = wanted.after(settings.applied());
            assertThat(left).as(keys).isIn(Orientation.NONE, Orientation.TRANSPOSE);
            assertThat(left.transposes()).as(keys).isEqualTo(wanted.transposes());
            assertThat(new PiCameraProvider().appliedOrientation(Feeds.cameras(camera("")).getFirst(), wanted))
                    .isEqualTo(settings.applied());
        });
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

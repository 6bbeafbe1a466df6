package io.camstream.recording;

import io.camstream.spi.CameraConfigException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CameraRecordingSettingsTest {

    private static CameraRecordingSettings read(String yaml) {
        Config root = Config.just(ConfigSources.create("camstream:\n  cameras:\n    - name: door\n" + yaml.indent(6),
                MediaTypes.APPLICATION_X_YAML));
        return CameraRecordingSettings.from(root.get("camstream.cameras.0"), "door", Path.of("/data"));
    }

    @Test
    void defaultsRecordNothingAndKeepAWeekInTheDataDirectory() {
        CameraRecordingSettings settings = read("driver: sim");
        assertThat(settings.active()).isFalse();
        assertThat(settings.recording().dir()).isEqualTo(Path.of("/data/door"));
        assertThat(settings.recording().preCapture()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.recording().postCapture()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.recording().maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.recording().minFree()).isEqualTo(1_000_000_000L);
        assertThat(settings.motion().threshold()).isEqualTo(0.01);
        assertThat(settings.motion().eventGap()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void valuesAreReadInTheirOwnUnits() {
        CameraRecordingSettings settings = read("""
                motion:
                  enabled: true
                  threshold: 2.5%
                  mask: ["0, 0, 1, 0.1", "0.5,0.5,0.5,0.5"]
                recording:
                  mode: motion
                  max-age: 30d
                  max-bytes: 2GiB
                  min-free: 500MB
                timelapse:
                  interval: 10s
                """);
        assertThat(settings.motion().threshold()).isEqualTo(0.025);
        assertThat(settings.motion().masks()).hasSize(2);
        assertThat(settings.recording().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.recording().maxBytes()).isEqualTo(2L << 30);
        assertThat(settings.recording().segmentBytes()).isEqualTo(64L << 20);
        assertThat(settings.recording().minFree()).isEqualTo(500_000_000L);
        assertThat(settings.timelapse().interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void everyMistakeNamesTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> read("motion:\n  threshold: lots"))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.motion.threshold: 'lots' is not a share of the picture (allowed:"
                        + " 0.01% to 100%, written like 1.5% or 0.015)");
        assertThatThrownBy(() -> read("motion:\n  mask: [\"0, 0, 2, 1\"]"))
                .hasMessageStartingWith("camstream.cameras.0.motion.mask.0: '0, 0, 2, 1' does not lie inside the"
                        + " picture");
        assertThatThrownBy(() -> read("recording:\n  mode: always"))
                .hasMessage("camstream.cameras.0.recording.mode: 'always' is not a known value (allowed: continuous,"
                        + " motion, off)");
        assertThatThrownBy(() -> read("recording:\n  mode: motion"))
                .hasMessageContaining("recording.mode: 'motion' needs motion detection");
        assertThatThrownBy(() -> read("recording:\n  max-bytes: 100kB"))
                .hasMessageContaining("recording.max-bytes: '100kB' is too small");
        assertThatThrownBy(() -> read("recording:\n  max-bytes: a lot"))
                .hasMessageContaining("recording.max-bytes: 'a lot' is not a size");
        assertThatThrownBy(() -> read("motion:\n  treshold: 1%"))
                .hasMessageStartingWith("camstream.cameras.0.motion.treshold: 'treshold' is not a key of motion"
                        + " (allowed: despeckle, enabled, event-gap,");
        assertThatThrownBy(() -> read("timelapse:\n  interval: 10ms"))
                .hasMessageContaining("timelapse.interval: '10ms' is too short");
    }
}

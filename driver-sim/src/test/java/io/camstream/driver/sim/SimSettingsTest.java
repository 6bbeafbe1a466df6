package io.camstream.driver.sim;

import io.camstream.spi.CameraConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimSettingsTest {

    @Test
    void defaultsToAVgaPatternAtThirtyFps() {
        assertThat(SimSettings.from(SimConfig.camera(Map.of())))
                .isEqualTo(new SimSettings(640, 480, 30, 80, Optional.empty()));
    }

    @Test
    void readsEveryKey(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve("a.jpg"), new byte[]{1});

        SimSettings settings = SimSettings.from(SimConfig.camera(Map.of("width", "1280", "height", "720",
                "fps", "15", "quality", "60", "folder", folder.toString())));

        assertThat(settings).isEqualTo(new SimSettings(1280, 720, 15, 60, Optional.of(folder)));
    }

    @Test
    void aWrongTypeNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("fps", "fast"))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.fps: 'fast' is not a whole number (allowed: 1 to 120)");
    }

    @Test
    void anOutOfRangeValueNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("width", "8"))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.width: '8' is out of range (allowed: 16 to 7680)");
        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("height", "5000"))))
                .hasMessageContaining("camstream.cameras.0.height").hasMessageContaining("16 to 4320");
        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("quality", "0"))))
                .hasMessageContaining("camstream.cameras.0.quality").hasMessageContaining("1 to 100");
    }

    @Test
    void aMissingFolderNamesTheKeyAndThePath(@TempDir Path parent) {
        Path missing = parent.resolve("nowhere");

        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("folder", missing.toString()))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("camstream.cameras.0.folder")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFolderWithoutJpegsNamesTheKeyThePathAndTheProblem(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("notes.txt"), "not a picture");

        assertThatThrownBy(() -> SimSettings.from(SimConfig.camera(Map.of("folder", folder.toString()))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.folder: '" + folder + "' holds no .jpg or .jpeg file"
                        + " (allowed: a directory with at least one .jpg or .jpeg file)");
    }
}

package io.camstream.core.fanout;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraConfigException;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PictureSettingsTest {

    @Test
    void aCameraWithoutKeysIsNotTurnedOffersTheDefaultLadderAndDropsNothing() {
        PictureSettings picture = settings("width: 1280\nheight: 720", new Driver(false)).picture();
        assertThat(picture.turn()).isEqualTo(Orientation.NONE);
        assertThat(picture.size()).isEqualTo(new JpegSize(1280, 720));
        assertThat(picture.variantWidths()).containsExactly(160, 320, 640, 1280);
        assertThat(picture.maxVariants()).isEqualTo(4);
        assertThat(picture.dropSameFrames()).isFalse();
    }

    @Test
    void theLadderIsAListOrCommasAndIsSortedWithoutRepeats() {
        assertThat(settings("variant-widths: [640, 160, 320, 160]", new Driver(false)).picture().variantWidths())
                .containsExactly(160, 320, 640);
        assertThat(settings("variant-widths: 480,240", new Driver(false)).picture().variantWidths())
                .containsExactly(240, 480);
        assertThat(settings("variant-widths: []", new Driver(false)).picture().variantWidths()).isEmpty();
    }

    @Test
    void aWrongWidthIsReportedWithTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> settings("variant-widths: [320, wide]", new Driver(false)))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.variant-widths: 'wide' is not a whole number (allowed: a list of"
                        + " whole numbers from 16 to 8192, such as [160, 320, 640])");
        assertThatThrownBy(() -> settings("variant-widths: [8]", new Driver(false)))
                .hasMessageContaining("'8' is out of range");
        assertThatThrownBy(() -> settings("max-variants: 0", new Driver(false)))
                .hasMessage("camstream.cameras.0.max-variants: '0' is out of range (allowed: 1 to 64)");
    }

    @Test
    void camstreamTurnsWhatTheDriverLeavesAndTheFirstPictureHasTheTurnedSize() {
        PictureSettings byCamstream = settings("width: 1280\nheight: 720\nrotate: 90", new Driver(false)).picture();
        assertThat(byCamstream.turn()).isEqualTo(Orientation.ROTATE_90);
        assertThat(byCamstream.size()).isEqualTo(new JpegSize(720, 1280));

        PictureSettings byDriver = settings("width: 1280\nheight: 720\nrotate: 90", new Driver(true)).picture();
        assertThat(byDriver.turn()).as("the driver turns it all").isEqualTo(Orientation.NONE);
        assertThat(byDriver.size()).as("the driver's own size, already turned").isEqualTo(new JpegSize(720, 1280));
    }

    private static FeedSettings settings(String keys, CameraProvider driver) {
        String yaml = "camstream:\n  cameras:\n    - name: desk\n      driver: test\n"
                + keys.lines().map(line -> "      " + line + "\n").reduce("", String::concat);
        Config camera = Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML))
                .get("camstream.cameras.0");
        return FeedSettings.from(camera, driver);
    }

    /** A driver that turns every picture itself, like v4l2 with a raw camera, or none, like sim. */
    private record Driver(boolean turnsAll) implements CameraProvider {

        @Override
        public String configKey() {
            return "test";
        }

        @Override
        public Orientation appliedOrientation(Config config, Orientation wanted) {
            return turnsAll ? wanted : Orientation.NONE;
        }

        @Override
        public Optional<JpegSize> expectedSize(Config config) {
            JpegSize keys = new JpegSize(config.get("width").asInt().orElse(640),
                    config.get("height").asInt().orElse(480));
            return turnsAll ? Optional.of(Orientation.from(config).turn(keys)) : Optional.empty();
        }

        @Override
        public Camera create(Config config, String name) {
            throw new UnsupportedOperationException();
        }
    }
}

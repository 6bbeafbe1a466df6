package io.camstream.spi;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrientationTest {

    @Test
    void rotateThenFlipNamesEachOfTheEight() {
        assertThat(Orientation.of(0, "none")).isEqualTo(Orientation.NONE);
        assertThat(Orientation.of(90, "none")).isEqualTo(Orientation.ROTATE_90);
        assertThat(Orientation.of(90, "horizontal")).isEqualTo(Orientation.TRANSPOSE);
        assertThat(Orientation.of(90, "vertical")).isEqualTo(Orientation.TRANSVERSE);
        assertThat(Orientation.of(180, "horizontal")).isEqualTo(Orientation.FLIP_VERTICAL);
        assertThat(Orientation.of(180, "vertical")).isEqualTo(Orientation.FLIP_HORIZONTAL);
        assertThat(Orientation.of(270, "horizontal")).isEqualTo(Orientation.TRANSVERSE);
        assertThat(Orientation.of(270, "vertical")).isEqualTo(Orientation.TRANSPOSE);
    }

    @Test
    void sourcePositionsAreThoseOfTurningAPictureByHand() {
        // The top-left pixel of a turned 3x2 picture comes from...
        assertThat(source(Orientation.ROTATE_90, 0, 0)).isEqualTo("0,1");  // the bottom-left
        assertThat(source(Orientation.ROTATE_270, 0, 0)).isEqualTo("2,0"); // the top-right
        assertThat(source(Orientation.ROTATE_180, 0, 0)).isEqualTo("2,1");
        assertThat(source(Orientation.FLIP_HORIZONTAL, 0, 1)).isEqualTo("2,1");
        assertThat(source(Orientation.TRANSPOSE, 1, 2)).isEqualTo("2,1");
        assertThat(Orientation.ROTATE_90.turn(new JpegSize(3, 2))).isEqualTo(new JpegSize(2, 3));
    }

    @Test
    void composingMatchesApplyingOneAfterTheOther() {
        for (Orientation a : Orientation.values()) {
            for (Orientation b : Orientation.values()) {
                JpegSize middle = a.turn(new JpegSize(5, 3));
                JpegSize end = b.turn(middle);
                for (int y = 0; y < end.height(); y++) {
                    for (int x = 0; x < end.width(); x++) {
                        long m = b.sourceOf(x, y, middle.width(), middle.height());
                        long direct = a.sourceOf((int) (m >>> 32), (int) m, 5, 3);
                        assertThat(a.then(b).sourceOf(x, y, 5, 3)).as("%s then %s", a, b).isEqualTo(direct);
                    }
                }
                assertThat(a.then(b).after(a)).isEqualTo(b);
            }
            assertThat(a.then(a.inverse())).isEqualTo(Orientation.NONE);
        }
    }

    @Test
    void keysAreReadWithMessagesNamingThem() {
        assertThat(Orientation.from(camera(Map.of("rotate", "270", "flip", "horizontal"))))
                .isEqualTo(Orientation.TRANSVERSE);
        assertThat(Orientation.from(camera(Map.of()))).isEqualTo(Orientation.NONE);
        assertThatThrownBy(() -> Orientation.from(camera(Map.of("rotate", "45"))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.cameras.0.rotate: '45' is not a known value (allowed: 0, 90, 180, 270)");
        assertThatThrownBy(() -> Orientation.from(camera(Map.of("flip", "both"))))
                .hasMessage("camstream.cameras.0.flip: 'both' is not a known value"
                        + " (allowed: horizontal, none, vertical)");
    }

    private static String source(Orientation o, int x, int y) {
        long at = o.sourceOf(x, y, 3, 2);
        return (at >>> 32) + "," + (int) at;
    }

    private static Config camera(Map<String, String> keys) {
        Map<String, String> full = new HashMap<>();
        keys.forEach((k, v) -> full.put("camstream.cameras.0." + k, v));
        full.put("camstream.cameras.0.name", "cam");
        return Config.just(ConfigSources.create(full)).get("camstream.cameras.0");
    }
}

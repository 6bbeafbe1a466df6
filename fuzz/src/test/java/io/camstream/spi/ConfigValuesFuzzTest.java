package io.camstream.spi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text as a configuration value: each reader returns a value within its range or refuses with the standard
 * message naming the full key, the value and what is allowed; nothing else escapes.
 */
class ConfigValuesFuzzTest {

    private static final String KEY = "camstream.cameras.0.value";

    @FuzzTest
    void readsAnyValue(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Config camera = Config.just(ConfigSources.create(Map.of(KEY, text))).get("camstream.cameras.0");

        readOrRefuse(() -> ConfigValues.intValue(camera, "value", 30, 1, 120))
                .ifPresent(fps -> assertThat(fps).isBetween(1, 120));
        Duration min = Duration.ofMillis(100);
        Duration max = Duration.ofMinutes(5);
        readOrRefuse(() -> ConfigValues.durationValue(camera, "value", Duration.ofSeconds(5), min, max))
                .ifPresent(timeout -> assertThat(timeout).isBetween(min, max));
        readOrRefuse(() -> ConfigValues.booleanValue(camera, "value", false));
        readOrRefuse(() -> ConfigValues.choiceValue(camera, "value", "mjpeg", Set.of("mjpeg", "snapshot")))
                .ifPresent(mode -> assertThat(mode).isIn("mjpeg", "snapshot"));
        readOrRefuse(() -> ConfigValues.stringValue(camera, "value")).flatMap(value -> value)
                .ifPresent(value -> assertThat(value).isNotBlank().isEqualTo(value.trim()));
    }

    /** The value read, or empty when the reader refused it with the standard message. */
    private static <T> Optional<T> readOrRefuse(Supplier<T> reader) {
        try {
            return Optional.of(reader.get());
        } catch (CameraConfigException refused) {
            assertThat(refused.getMessage()).startsWith(KEY + ": '").contains("(allowed: ");
            return Optional.empty();
        }
    }
}

package testdrivers;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.JpegSize;
import io.helidon.config.Config;

import java.util.Optional;
import java.util.Set;

/**
 * A driver on the test class path with one key and a 1080p picture, to test how camera configuration is checked.
 */
public final class FakeProvider implements CameraProvider {

    @Override
    public String configKey() {
        return "fake";
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("fps");
    }

    @Override
    public void validate(Config config) {
        ConfigValues.intValue(config, "fps", 30, 1, 120);
    }

    @Override
    public Optional<JpegSize> expectedSize(Config config) {
        return Optional.of(new JpegSize(1920, 1080));
    }

    @Override
    public Camera create(Config config, String name) {
        throw new UnsupportedOperationException("only configuration is tested");
    }
}

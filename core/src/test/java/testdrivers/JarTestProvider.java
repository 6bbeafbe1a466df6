package testdrivers;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

/** Packed into driver jars at test time; not registered on the test class path. */
public final class JarTestProvider implements CameraProvider {

    @Override
    public String configKey() {
        return "jar-test";
    }

    @Override
    public Camera create(Config config, String name) {
        throw new UnsupportedOperationException("only discovery is tested");
    }
}

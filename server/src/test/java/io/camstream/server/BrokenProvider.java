package io.camstream.server;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

/** Driver {@code broken}, for tests: every start fails, as a camera that was unplugged. */
public final class BrokenProvider implements CameraProvider {

    @Override
    public String configKey() {
        return "broken";
    }

    @Override
    public Camera create(Config config, String name) throws Exception {
        throw new java.io.IOException("cannot open /dev/video9: No such device");
    }
}

package io.camstream.core.fanout;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

/**
 * Stands in for a driver that is gone: every capture fails with the reason, so the camera's viewers keep their
 * stream and see NO SIGNAL saying why, while the capture retries as after any failure.
 *
 * @param driver the missing driver's name
 * @param reason what happened to it
 */
record MissingDriver(String driver, String reason) implements CameraProvider {

    @Override
    public String configKey() {
        return driver;
    }

    @Override
    public Camera create(Config config, String name) {
        throw new IllegalStateException(reason);
    }
}

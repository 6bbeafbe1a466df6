package io.camstream.driver.sim;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

import java.util.Set;

/**
 * The {@code sim} driver: a camera that needs no hardware. By default it shows a live test pattern (the camera's
 * name, a frame counter, the time with milliseconds and a sweeping marker); with {@code folder} it plays that
 * folder's JPEGs in name order in a loop.
 * <p>
 * Keys: {@code width} (16 to 7680, default 640), {@code height} (16 to 4320, default 480), {@code fps} (1 to 120,
 * default 30), {@code quality} (1 to 100, default 80) and {@code folder} (optional). Size and quality apply to the
 * test pattern only; the folder's files are sent as they are.
 */
public final class SimCameraProvider implements CameraProvider {

    /**
     * Creates the provider; called by {@link java.util.ServiceLoader}.
     */
    public SimCameraProvider() {
    }

    @Override
    public String configKey() {
        return "sim";
    }

    @Override
    public Set<String> configKeys() {
        return SimSettings.KEYS;
    }

    @Override
    public void validate(Config config) {
        SimSettings.from(config);
    }

    @Override
    public Camera create(Config config, String name) throws Exception {
        SimSettings settings = SimSettings.from(config);
        FrameSource source = settings.folder().isPresent()
                ? JpegPlaylist.load(name, settings.folder().get(), settings.fps())
                : new TestPattern(name, settings);
        return new SimCamera(new Pacer(settings.fps()), source);
    }
}

package io.camstream.server;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Instant;

/**
 * Driver {@code picture}, for tests: one picture per camera, drawn from the camera's name, again and again at the
 * camera's {@code fps}, so that a test can tell by the bytes which camera a frame came from.
 */
public final class PictureProvider implements CameraProvider {

    /**
     * The picture a camera of this driver shows.
     *
     * @param camera the camera's name
     * @return its JPEG
     */
    static byte[] jpegOf(String camera) {
        return NoSignalImage.render(camera, "the picture of camera " + camera, Instant.EPOCH, 64, 48);
    }

    @Override
    public String configKey() {
        return "picture";
    }

    @Override
    public Camera create(Config config, String name) {
        byte[] jpeg = jpegOf(name);
        long interval = 1000 / ConfigValues.intValue(config, "fps", 30, 1, 120);
        return new Camera() {
            private long sequence;

            @Override
            public Frame nextFrame() throws InterruptedException {
                Thread.sleep(interval);
                return Frame.of(jpeg, ++sequence, Instant.now());
            }

            @Override
            public void close() {
            }
        };
    }
}

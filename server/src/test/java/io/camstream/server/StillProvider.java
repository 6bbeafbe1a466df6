package io.camstream.server;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** Driver {@code still}, for tests: one 64x48 frame, then nothing until closed, as a static scene's source. */
public final class StillProvider implements CameraProvider {

    static final byte[] JPEG = NoSignalImage.render("still", "a still scene", Instant.EPOCH, 64, 48);

    @Override
    public String configKey() {
        return "still";
    }

    @Override
    public Camera create(Config config, String name) {
        return new Camera() {
            private final CountDownLatch closed = new CountDownLatch(1);
            private boolean delivered;

            @Override
            public Frame nextFrame() throws InterruptedException {
                if (!delivered) {
                    delivered = true;
                    return Frame.of(JPEG, 1, Instant.now());
                }
                closed.await();
                throw new InterruptedException("closed");
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }
}

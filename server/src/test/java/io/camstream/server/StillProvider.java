package io.camstream.server;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** Driver {@code still}, for tests: one grey 64x48 frame, then nothing until closed, as a static scene's source. */
public final class StillProvider implements CameraProvider {

    static final byte[] JPEG = grey();

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

    private static byte[] grey() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

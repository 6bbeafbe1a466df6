package testdrivers;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Driver {@code ticking}, on the test class path: small frames at the camera's {@code fps} (default 50), numbered
 * from 1 for each camera it opens, and a count of the cameras opened and closed.
 */
public final class TickingProvider implements CameraProvider {

    private static final byte[] JPEG = NoSignalImage.render("ticking", "a test picture", Instant.EPOCH, 64, 48);

    /** Cameras opened so far. */
    public final AtomicInteger opened = new AtomicInteger();
    /** Cameras closed so far. */
    public final AtomicInteger closed = new AtomicInteger();

    @Override
    public String configKey() {
        return "ticking";
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("fps", "colour");
    }

    @Override
    public void validate(Config config) {
        ConfigValues.intValue(config, "fps", 50, 1, 200);
    }

    @Override
    public Camera create(Config config, String name) {
        long interval = 1000 / ConfigValues.intValue(config, "fps", 50, 1, 200);
        opened.incrementAndGet();
        return new Camera() {
            private long sequence;

            @Override
            public Frame nextFrame() throws InterruptedException {
                Thread.sleep(interval);
                return new Frame(JPEG, ++sequence, Instant.now(), 64, 48);
            }

            @Override
            public Map<String, String> details() {
                return Map.of("colour", config.get("colour").asString().orElse("none"));
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}

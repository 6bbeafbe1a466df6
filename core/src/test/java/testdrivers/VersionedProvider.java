package testdrivers;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Driver {@code versioned}, packed into driver jars at test time with a {@code version.txt} of their own; not
 * registered on the test class path. Its cameras tell their version in their details, so a test sees which jar's
 * code runs.
 */
public final class VersionedProvider implements CameraProvider {

    private final String version = readVersion();

    @Override
    public String configKey() {
        return "versioned";
    }

    @Override
    public Camera create(Config config, String name) {
        return new VersionedCamera(version);
    }

    private static String readVersion() {
        try (InputStream in = VersionedProvider.class.getResourceAsStream("/version.txt")) {
            return in == null ? "none" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pictures that name the version, a few dozen a second. */
    public static final class VersionedCamera implements Camera {

        private final String version;
        private final byte[] jpeg;
        private long sequence;

        VersionedCamera(String version) {
            this.version = version;
            this.jpeg = NoSignalImage.render("versioned", "version " + version, Instant.EPOCH, 64, 48);
        }

        @Override
        public Frame nextFrame() throws InterruptedException {
            Thread.sleep(20);
            return new Frame(jpeg, ++sequence, Instant.now(), 64, 48);
        }

        @Override
        public Map<String, String> details() {
            return Map.of("version", version);
        }

        @Override
        public void close() {
        }
    }
}

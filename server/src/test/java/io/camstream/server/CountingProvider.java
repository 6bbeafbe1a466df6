package io.camstream.server;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver {@code counting}, for tests: small frames at the camera's {@code fps} (default 10), each carrying in a JPEG
 * comment its number (from 1 for each camera opened) and the driver's version, so that a viewer can tell that it
 * missed none and which code made them. Packed into a driver jar ({@link TestDriverJars}) with a
 * {@code driver-name.txt} and a {@code driver-version.txt}, it is a drop-in driver of that name and version.
 */
public final class CountingProvider implements CameraProvider {

    private static final Pattern COMMENT = Pattern.compile("counting ([^ ]+) frame (\\d+)");
    private static final byte[] PICTURE = NoSignalImage.render("counting", "a counted frame", Instant.EPOCH, 64, 48);

    private final String name = resource("driver-name.txt").orElse("counting");
    private final String version = resource("driver-version.txt").orElse("0");

    /** A frame as the counting driver numbered it. */
    record Counted(String version, long sequence) {
    }

    /**
     * What a frame says of itself.
     *
     * @param jpeg a frame as a viewer received it
     * @return its version and number, or empty for a frame the driver did not make (NO SIGNAL)
     */
    static Optional<Counted> read(byte[] jpeg) {
        Matcher m = COMMENT.matcher(new String(jpeg, 0, Math.min(jpeg.length, 64), StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(new Counted(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    @Override
    public String configKey() {
        return name;
    }

    @Override
    public void validate(Config config) {
        ConfigValues.intValue(config, "fps", 10, 1, 100);
    }

    @Override
    public Camera create(Config config, String camera) {
        long interval = 1000 / ConfigValues.intValue(config, "fps", 10, 1, 100);
        return new Camera() {
            private long sequence;

            @Override
            public Frame nextFrame() throws InterruptedException {
                Thread.sleep(interval);
                return new Frame(numbered(version, ++sequence), sequence, Instant.now(), 64, 48);
            }

            @Override
            public Map<String, String> details() {
                return Map.of("version", version);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The picture with a comment segment (FF FE, length, text) right after its start of image. */
    private static byte[] numbered(String version, long sequence) {
        byte[] text = ("counting " + version + " frame " + sequence).getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = new byte[PICTURE.length + 4 + text.length];
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        jpeg[3] = (byte) 0xFE;
        jpeg[4] = (byte) ((text.length + 2) >> 8);
        jpeg[5] = (byte) (text.length + 2);
        System.arraycopy(text, 0, jpeg, 6, text.length);
        System.arraycopy(PICTURE, 2, jpeg, 6 + text.length, PICTURE.length - 2);
        return jpeg;
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = CountingProvider.class.getResourceAsStream("/" + name)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

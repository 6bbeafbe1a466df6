package testdrivers;

import io.camstream.core.image.NoSignalImage;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * A driver that misbehaves as told by its {@code fault} key, to show that camstream contains every kind of driver
 * failure: {@code throws-on-start}, {@code throws-mid-stream}, {@code hangs}, {@code not-jpeg}, {@code truncated},
 * {@code huge} (50 MiB frames), {@code too-fast} (no pause between frames) and {@code none}. The frame-damaging
 * faults deliver one good frame first, so viewers have a last good picture.
 */
public final class FaultyProvider implements CameraProvider {

    /** A small real JPEG, the same for every good frame. */
    public static final byte[] GOOD = NoSignalImage.render("faulty", "a good frame", Instant.EPOCH, 64, 48);
    private static final int HUGE_BYTES = 50 * 1024 * 1024;
    private static final Duration PERIOD = Duration.ofMillis(40);

    @Override
    public String configKey() {
        return "faulty";
    }

    @Override
    public Set<String> configKeys() {
        return Set.of("fault");
    }

    @Override
    public Camera create(Config config, String name) {
        String fault = config.get("fault").asString().orElse("none");
        if (fault.equals("throws-on-start")) {
            throw new IllegalStateException("sensor not found");
        }
        return new FaultyCamera(fault);
    }

    private static final class FaultyCamera implements Camera {

        private final String fault;
        private long sequence;
        private volatile boolean closed;

        private FaultyCamera(String fault) {
            this.fault = fault;
        }

        @Override
        public Frame nextFrame() throws Exception {
            if (!fault.equals("too-fast")) {
                Thread.sleep(fault.equals("huge") ? PERIOD.multipliedBy(10) : PERIOD);
            }
            sequence++;
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (sequence == 1 || fault.equals("none") || fault.equals("too-fast")) {
                return frame(GOOD);
            }
            return switch (fault) {
                case "throws-mid-stream" -> {
                    if (sequence > 5) {
                        throw new IllegalStateException("USB device disconnected");
                    }
                    yield frame(GOOD);
                }
                case "hangs" -> {
                    while (!closed) {
                        Thread.sleep(10);
                    }
                    throw new IllegalStateException("closed while hanging");
                }
                case "not-jpeg" -> frame("<html>404 Not Found</html>".getBytes(StandardCharsets.US_ASCII));
                case "truncated" -> frame(Arrays.copyOf(GOOD, GOOD.length / 2));
                case "huge" -> frame(huge());
                default -> throw new IllegalArgumentException("unknown fault " + fault);
            };
        }

        private Frame frame(byte[] bytes) {
            return new Frame(bytes, sequence, Instant.now(), 64, 48);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] huge() {
        byte[] bytes = new byte[HUGE_BYTES];
        System.arraycopy(GOOD, 0, bytes, 0, GOOD.length - 2);
        bytes[HUGE_BYTES - 2] = (byte) 0xFF;
        bytes[HUGE_BYTES - 1] = (byte) 0xD9;
        return bytes;
    }
}

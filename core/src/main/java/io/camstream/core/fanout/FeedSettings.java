package io.camstream.core.fanout;

import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.JpegSize;
import io.helidon.config.Config;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How camstream runs one camera, whatever its driver: when capture stops for lack of viewers, how long a silent
 * driver is given, how restarts back off, the size of the NO SIGNAL picture before the camera has shown one, how
 * many frames per second viewers may get, how large a frame may be and how many may watch at once, and how its
 * pictures are shaped.
 *
 * @param idleTimeout    capture stops when no viewer has been attached for this long
 * @param frameTimeout   a capture that delivers no good frame for this long is treated as failed and restarted
 * @param initialBackoff the pause before the first restart after a failure
 * @param maxBackoff     the longest pause between restarts
 * @param width          the width the camera is configured for, or its driver expects, before any turning
 * @param height         the height the camera is configured for, or its driver expects, before any turning
 * @param fps            the frame rate the camera is configured for, the highest a viewer may ask for
 * @param maxViewerFps   the most frames per second any one viewer gets; 0 for no cap
 * @param maxFrameBytes  larger frames are dropped
 * @param maxViewers     the most streams of this camera at once; 0 for no limit but the server's
 * @param picture        how frames are turned, dropped when unchanged, and offered in smaller variants
 */
public record FeedSettings(Duration idleTimeout,
                           Duration frameTimeout,
                           Duration initialBackoff,
                           Duration maxBackoff,
                           int width,
                           int height,
                           int fps,
                           int maxViewerFps,
                           int maxFrameBytes,
                           int maxViewers,
                           PictureSettings picture) {

    /** The keys read here, beside {@code name} and {@code driver}. */
    public static final Set<String> KEYS = keys();

    private static final Duration DEFAULT_IDLE = Duration.ofSeconds(10);
    private static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(5);
    private static final int DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

    /** The picture size before the first frame when neither the camera's keys nor its driver give one. */
    private static final JpegSize DEFAULT_SIZE = new JpegSize(640, 480);

    /**
     * Reads the settings from a camera's node; a camera without {@code width} and {@code height} keys gets the size
     * its driver expects (see {@link CameraProvider#expectedSize(Config)}).
     *
     * @param camera the camera's node
     * @param driver the camera's driver
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is wrong
     */
    public static FeedSettings from(Config camera, CameraProvider driver) {
        Optional<JpegSize> delivered = driver.expectedSize(camera);
        JpegSize expected = delivered.orElse(DEFAULT_SIZE);
        int width = ConfigValues.intValue(camera, "width", expected.width(), 16, 16384);
        int height = ConfigValues.intValue(camera, "height", expected.height(), 16, 16384);
        return new FeedSettings(
                ConfigValues.durationValue(camera, "idle-timeout", DEFAULT_IDLE, Duration.ZERO, Duration.ofDays(1)),
                ConfigValues.durationValue(camera, "frame-timeout", DEFAULT_FRAME_TIMEOUT,
                        Duration.ofMillis(100), Duration.ofHours(1)),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                width,
                height,
                ConfigValues.intValue(camera, "fps", 30, 1, 1000),
                ConfigValues.intValue(camera, "max-viewer-fps", 0, 1, 1000),
                ConfigValues.intValue(camera, "max-frame-bytes", DEFAULT_MAX_FRAME_BYTES, 1024, 256 * 1024 * 1024),
                ConfigValues.intValue(camera, "max-viewers", 0, 0, 1_000_000),
                // The driver's size, when it tells one, is after what it turns itself; the keys are the camera's.
                PictureSettings.from(camera, driver, delivered.orElse(new JpegSize(width, height))));
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(Set.of("idle-timeout", "frame-timeout", "width", "height", "fps",
                "max-viewer-fps", "max-frame-bytes", "max-viewers"));
        keys.addAll(PictureSettings.KEYS);
        return Set.copyOf(keys);
    }
}

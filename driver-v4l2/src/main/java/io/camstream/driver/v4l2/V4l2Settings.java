package io.camstream.driver.v4l2;

import io.camstream.spi.ConfigValues;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A V4L2 camera's settings, read from its config node.
 *
 * @param device        the device file, such as {@code /dev/video0}
 * @param width         the picture width asked of the camera
 * @param height        the picture height asked of the camera
 * @param fps           the frame rate asked of the camera
 * @param inputFormat   the camera's pixel format: {@code mjpeg} is passed through, any other is encoded
 * @param quality       JPEG quality 1 to 100 when encoding
 * @param ffmpeg        the ffmpeg program, a name looked up on PATH or a path
 * @param input         ffmpeg input options used instead of the device's, if given (tests, unusual sources)
 * @param maxFrameBytes the largest JPEG accepted; a bigger one is dropped
 * @param applied       the part of the camera's orientation ffmpeg applies ({@link #applied(Orientation, String)})
 */
record V4l2Settings(String device,
                    int width,
                    int height,
                    int fps,
                    String inputFormat,
                    int quality,
                    String ffmpeg,
                    Optional<List<String>> input,
                    int maxFrameBytes,
                    Orientation applied) {

    /** The keys read here. */
    static final Set<String> KEYS = Set.of("device", "width", "height", "fps", "input-format", "quality", "ffmpeg",
            "input", "max-frame-bytes");

    static final String MJPEG = "mjpeg";

    private static final Pattern PIXEL_FORMAT = Pattern.compile("[a-z0-9_]+");

    /**
     * Reads and checks the settings; the device is not opened, so a camera plugged in later still works.
     *
     * @param camera the camera's node
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is of the wrong type or out of range
     */
    static V4l2Settings from(Config camera) {
        String format = ConfigValues.stringValue(camera, "input-format").orElse(MJPEG);
        if (!PIXEL_FORMAT.matcher(format).matches()) {
            throw ConfigValues.error(camera, "input-format", format, "is not a pixel format name",
                    "mjpeg, or a raw format such as yuyv422 or nv12, as 'bin/camstream devices' lists them");
        }
        return new V4l2Settings(
                ConfigValues.stringValue(camera, "device").orElse("/dev/video0"),
                ConfigValues.intValue(camera, "width", 640, 16, 7680),
                ConfigValues.intValue(camera, "height", 480, 16, 4320),
                ConfigValues.intValue(camera, "fps", 30, 1, 120),
                format,
                ConfigValues.intValue(camera, "quality", 80, 1, 100),
                ConfigValues.stringValue(camera, "ffmpeg").orElse("ffmpeg"),
                ConfigValues.stringValue(camera, "input").map(text -> Arrays.asList(text.split("\\s+"))),
                ConfigValues.intValue(camera, "max-frame-bytes", 8 * 1024 * 1024, 1024, 256 * 1024 * 1024),
                applied(Orientation.from(camera), format));
    }

    /**
     * The part of an orientation ffmpeg applies: all of it for a raw camera, whose pictures ffmpeg encodes anyway (a
     * filter on raw pictures costs little beside the encoding); none for an MJPEG camera, whose JPEGs would have to
     * be decoded and encoded again to pass a filter, so camstream turns them itself, losslessly where it can.
     *
     * @param wanted      the camera's orientation
     * @param inputFormat the camera's pixel format
     * @return the part ffmpeg applies
     */
    static Orientation applied(Orientation wanted, String inputFormat) {
        return inputFormat.equals(MJPEG) ? Orientation.NONE : wanted;
    }
}

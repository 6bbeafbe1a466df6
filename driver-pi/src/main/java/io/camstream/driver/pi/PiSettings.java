package io.camstream.driver.pi;

import io.camstream.core.jpeg.JpegSplitter;
import io.camstream.spi.CameraConfigException;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Pi camera's settings, read once from its config node.
 *
 * @param width         picture width in pixels
 * @param height        picture height in pixels
 * @param fps           frames per second
 * @param quality       JPEG quality, 1 to 100
 * @param applied       the part of the camera's orientation rpicam-vid applies ({@link #applied(Orientation)})
 * @param camera        which camera of a board with several, if set
 * @param extraArgs     further rpicam-vid arguments, passed as they are
 * @param program       the program to run: {@code rpicam-vid} on PATH, or a path
 * @param statusLedPin  the BCM number of a GPIO pin driven high while capturing, if set
 * @param maxFrameBytes the largest JPEG accepted
 */
record PiSettings(int width,
                  int height,
                  int fps,
                  int quality,
                  Orientation applied,
                  OptionalInt camera,
                  List<String> extraArgs,
                  String program,
                  OptionalInt statusLedPin,
                  int maxFrameBytes) {

    static final String DEFAULT_PROGRAM = "rpicam-vid";
    static final Set<String> KEYS = Set.of("width", "height", "fps", "quality", "camera", "extra-args", "command",
            "status-led-pin", "max-frame-bytes");

    PiSettings {
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Reads and checks a camera's settings.
     *
     * @param config the camera's node
     * @return the settings
     * @throws CameraConfigException naming the key, when a value is wrong
     */
    static PiSettings from(Config config) {
        return new PiSettings(
                ConfigValues.intValue(config, "width", 1280, 16, 16384),
                ConfigValues.intValue(config, "height", 720, 16, 16384),
                ConfigValues.intValue(config, "fps", 30, 1, 120),
                ConfigValues.intValue(config, "quality", 80, 1, 100),
                applied(Orientation.from(config)),
                optionalInt(config, "camera", 0, 15),
                extraArgs(config),
                ConfigValues.stringValue(config, "command").orElse(DEFAULT_PROGRAM),
                optionalInt(config, "status-led-pin", 0, 53),
                ConfigValues.intValue(config, "max-frame-bytes", JpegSplitter.DEFAULT_MAX_FRAME_BYTES,
                        64 * 1024, 256 * 1024 * 1024));
    }

    /**
     * The part of an orientation the camera applies as it reads the sensor out: every mirror and the half turn
     * ({@code --hflip}, {@code --vflip}, {@code --rotation 180}), but no quarter turn, which the Pi's ISP cannot do.
     * What is left for camstream is then a transpose at most, which is lossless at any picture size.
     *
     * @param wanted the camera's orientation
     * @return the part rpicam-vid applies
     */
    static Orientation applied(Orientation wanted) {
        return wanted.transposes() ? wanted.then(Orientation.TRANSPOSE) : wanted;
    }

    /**
     * The rpicam-vid command line: MJPEG on stdout, no preview, forever, flushed after every frame.
     *
     * @return the program and its arguments
     */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of(program, "-t", "0", "-n", "--codec", "mjpeg",
                "--width", Integer.toString(width), "--height", Integer.toString(height),
                "--framerate", Integer.toString(fps), "-q", Integer.toString(quality), "--flush"));
        command.addAll(switch (applied) {
            case NONE -> List.of();
            case FLIP_HORIZONTAL -> List.of("--hflip");
            case FLIP_VERTICAL -> List.of("--vflip");
            case ROTATE_180 -> List.of("--rotation", "180");
            default -> throw new IllegalStateException(applied + " is not done by rpicam-vid");
        });
        camera.ifPresent(index -> command.addAll(List.of("--camera", Integer.toString(index))));
        command.addAll(extraArgs);
        command.addAll(List.of("-o", "-"));
        return command;
    }

    private static OptionalInt optionalInt(Config config, String key, int min, int max) {
        return config.get(key).exists() ? OptionalInt.of(ConfigValues.intValue(config, key, min, min, max))
                : OptionalInt.empty();
    }

    private static List<String> extraArgs(Config config) {
        Config node = config.get("extra-args");
        if (!node.exists()) {
            return List.of();
        }
        if (node.type() != Config.Type.LIST) {
            throw new CameraConfigException(ConfigValues.fullKey(config, "extra-args")
                    + ": expected a list with one argument per entry, such as [\"--awb\", \"indoor\"]");
        }
        List<String> args = new ArrayList<>();
        for (Config arg : node.asNodeList().get()) {
            if (!arg.isLeaf()) {
                throw new CameraConfigException(arg.key() + ": expected a single argument, found a "
                        + (arg.type() == Config.Type.LIST ? "list" : "section"));
            }
            args.add(arg.asString().get());
        }
        return args;
    }
}

package io.camstream.driver.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import io.camstream.core.process.ProcessCamera;
import io.camstream.core.process.ProcessSettings;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@code pi} driver: Raspberry Pi camera modules through {@code rpicam-vid} writing MJPEG to its stdout, with
 * an optional status LED on a GPIO pin.
 */
public final class PiCameraProvider implements CameraProvider {

    private static final System.Logger LOGGER = System.getLogger(PiCameraProvider.class.getName());

    private final StatusLeds leds;
    private final ReentrantLock boardLock = new ReentrantLock();
    private Board board;

    /**
     * Creates the driver; {@link java.util.ServiceLoader} calls this. Status LEDs use Pi4J's gpiod provider.
     */
    public PiCameraProvider() {
        this(PiCameraProvider::gpiodContext);
    }

    PiCameraProvider(Supplier<Context> gpio) {
        this.leds = new StatusLeds(gpio);
    }

    @Override
    public String configKey() {
        return "pi";
    }

    @Override
    public Set<String> configKeys() {
        return PiSettings.KEYS;
    }

    @Override
    public void validate(Config config) {
        PiSettings.from(config);
        board();
    }

    @Override
    public Optional<JpegSize> expectedSize(Config config) {
        PiSettings settings = PiSettings.from(config);
        return Optional.of(new JpegSize(settings.width(), settings.height()));
    }

    @Override
    public Orientation appliedOrientation(Config config, Orientation wanted) {
        return PiSettings.applied(wanted);
    }

    @Override
    public Camera create(Config config, String name) throws Exception {
        PiSettings settings = PiSettings.from(config);
        Board board = board();
        Optional<StatusLed> led = Optional.empty();
        if (settings.statusLedPin().isPresent()) {
            led = Optional.of(leds.open(settings.statusLedPin().getAsInt(),
                    ConfigValues.fullKey(config, "status-led-pin"), name));
        }
        try {
            ProcessCamera process = ProcessCamera.start(new ProcessSettings(name, settings.command(),
                    installHint(config, settings), settings.maxFrameBytes()));
            led.ifPresent(StatusLed::on);
            return new PiCamera(process, led, board);
        } catch (Exception | LinkageError e) {
            led.ifPresent(StatusLed::close);
            throw e;
        }
    }

    private Board board() {
        boardLock.lock();
        try {
            if (board == null) {
                board = Board.detect(Board.DEVICE_TREE_MODEL);
                if (board.raspberryPi()) {
                    LOGGER.log(System.Logger.Level.INFO, "pi driver on {0}, {1}", board.model(), board.os());
                } else {
                    LOGGER.log(System.Logger.Level.INFO, "pi driver: this machine is not a Raspberry Pi ({0});"
                            + " cameras run their command anyway", board.os());
                }
            }
            return board;
        } finally {
            boardLock.unlock();
        }
    }

    private static String installHint(Config config, PiSettings settings) {
        String key = ConfigValues.fullKey(config, "command");
        return settings.program().equals(PiSettings.DEFAULT_PROGRAM)
                ? "Install it with 'sudo apt install rpicam-apps' (Raspberry Pi OS), or set " + key + " to its path."
                : "Check " + key + ".";
    }

    private static Context gpiodContext() {
        return Pi4J.newContextBuilder().add(GpioDDigitalOutputProvider.newInstance()).build();
    }
}

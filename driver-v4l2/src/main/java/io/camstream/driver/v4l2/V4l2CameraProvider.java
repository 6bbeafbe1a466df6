package io.camstream.driver.v4l2;

import io.camstream.core.process.ProcessCamera;
import io.camstream.core.process.ProcessSettings;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code v4l2} driver: USB webcams and other Video4Linux2 cameras, captured by {@code ffmpeg} as a child process
 * that camstream supervises like every process camera (stderr kept, SIGINT then kill, an exit becomes NO SIGNAL
 * with ffmpeg's last words and a restart).
 * <p>
 * Keys: {@code device} (default {@code /dev/video0}), {@code width} and {@code height} (default 640x480),
 * {@code fps} (default 30), {@code input-format} ({@code mjpeg} by default, passed through; a raw format such as
 * {@code yuyv422} is encoded at {@code quality}, 1 to 100, default 80), {@code ffmpeg} (default {@code ffmpeg} on
 * PATH), {@code input} (ffmpeg input options instead of the device's) and {@code max-frame-bytes} (default 8388608).
 * A raw camera's pictures are turned by an ffmpeg filter when the camera's {@code rotate} or {@code flip} asks for it;
 * an MJPEG camera's are left for camstream to turn (see {@link #appliedOrientation}).
 */
public final class V4l2CameraProvider implements CameraProvider {

    private static final String INSTALL_HINT = "Install it with 'sudo apt install ffmpeg', or set 'ffmpeg' to its path.";

    /**
     * Creates the provider; called by {@link java.util.ServiceLoader}.
     */
    public V4l2CameraProvider() {
    }

    @Override
    public String configKey() {
        return "v4l2";
    }

    @Override
    public Set<String> configKeys() {
        return V4l2Settings.KEYS;
    }

    @Override
    public void validate(Config config) {
        V4l2Settings.from(config);
    }

    @Override
    public Orientation appliedOrientation(Config config, Orientation wanted) {
        return V4l2Settings.applied(wanted, V4l2Settings.from(config).inputFormat());
    }

    @Override
    public Optional<JpegSize> expectedSize(Config config) {
        V4l2Settings settings = V4l2Settings.from(config);
        return Optional.of(settings.applied().turn(new JpegSize(settings.width(), settings.height())));
    }

    @Override
    public Camera create(Config config, String name) throws Exception {
        V4l2Settings settings = V4l2Settings.from(config);
        if (settings.input().isEmpty() && !Files.exists(Path.of(settings.device()))) {
            throw new FileNotFoundException(settings.device() + " does not exist: is the camera plugged in?"
                    + " 'bin/camstream devices' lists the cameras found");
        }
        return ProcessCamera.start(new ProcessSettings(name, FfmpegCommand.of(settings), INSTALL_HINT,
                settings.maxFrameBytes()));
    }
}

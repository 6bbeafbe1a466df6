package io.camstream.driver.http;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

import java.util.Set;

/**
 * The {@code http} driver: relays an HTTP camera. In {@code mjpeg} mode (the default) it reads any
 * {@code multipart/x-mixed-replace} stream from {@code url}, such as another camstream, mjpg-streamer, µStreamer,
 * ffmpeg or an IP camera; in {@code snapshot} mode it fetches a JPEG from {@code url} {@code fps} times a second.
 * <p>
 * Keys: {@code url} (required), {@code mode} ({@code mjpeg} or {@code snapshot}), {@code fps} (1 to 60, default 1,
 * snapshot mode), {@code username} and {@code password} (Basic auth; credentials in the URL work too),
 * {@code connect-timeout} (default 5s), {@code read-timeout} (default 10s) and {@code max-frame-bytes} (default
 * 8388608). The upstream is connected only while the camera captures.
 */
public final class HttpCameraProvider implements CameraProvider {

    /**
     * Creates the provider; called by {@link java.util.ServiceLoader}.
     */
    public HttpCameraProvider() {
    }

    @Override
    public String configKey() {
        return "http";
    }

    @Override
    public Set<String> configKeys() {
        return HttpSettings.KEYS;
    }

    @Override
    public void validate(Config config) {
        HttpSettings.from(config);
    }

    @Override
    public Camera create(Config config, String name) throws Exception {
        HttpSettings settings = HttpSettings.from(config);
        return settings.mode().equals(HttpSettings.SNAPSHOT)
                ? new SnapshotCamera(settings)
                : MjpegCamera.open(settings);
    }
}

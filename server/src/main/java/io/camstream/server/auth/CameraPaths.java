package io.camstream.server.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which camera a request path is about, for {@code allowed-users}: {@code /cameras/{name}/...},
 * {@code /api/cameras/{name}...}, and {@code /video_feed} for the default camera.
 */
final class CameraPaths {

    private static final Pattern CAMERA = Pattern.compile("^(?:/api)?/cameras/([^/]+)(?:/.*)?$");

    private final String defaultCamera;

    CameraPaths(String defaultCamera) {
        this.defaultCamera = defaultCamera;
    }

    Optional<String> cameraOf(String path) {
        if (path.equals("/video_feed")) {
            return Optional.of(defaultCamera);
        }
        Matcher m = CAMERA.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}

package io.camstream.driver.sim;

import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A sim camera's settings, read from its config node.
 *
 * @param width   width of the test pattern in pixels
 * @param height  height of the test pattern in pixels
 * @param fps     frames per second, in both modes
 * @param quality JPEG quality of the test pattern, 1 to 100
 * @param folder  a folder whose JPEGs are played in a loop instead of the test pattern
 */
record SimSettings(int width, int height, int fps, int quality, Optional<Path> folder) {

    /** The keys read here. */
    static final Set<String> KEYS = Set.of("width", "height", "fps", "quality", "folder");

    /**
     * Reads and checks the settings.
     *
     * @param camera the camera's node
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is of the wrong type or out of range, or the
     *                                                folder is missing or holds no JPEG
     */
    static SimSettings from(Config camera) {
        int width = ConfigValues.intValue(camera, "width", 640, 16, 7680);
        int height = ConfigValues.intValue(camera, "height", 480, 16, 4320);
        int fps = ConfigValues.intValue(camera, "fps", 30, 1, 120);
        int quality = ConfigValues.intValue(camera, "quality", 80, 1, 100);
        Optional<Path> folder = ConfigValues.directoryValue(camera, "folder");
        folder.ifPresent(dir -> requireJpegs(camera, dir));
        return new SimSettings(width, height, fps, quality, folder);
    }

    private static void requireJpegs(Config camera, Path folder) {
        String allowed = "a directory with at least one .jpg or .jpeg file";
        try {
            if (JpegPlaylist.files(folder).isEmpty()) {
                throw ConfigValues.error(camera, "folder", folder.toString(), "holds no .jpg or .jpeg file", allowed);
            }
        } catch (IOException e) {
            throw ConfigValues.error(camera, "folder", folder.toString(), "cannot be read (" + e + ")", allowed);
        }
    }
}

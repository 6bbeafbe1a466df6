package io.camstream.server.config;

import io.camstream.spi.CameraConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void misspelledKeyOfTheCamstreamSectionIsNamedWithTheAllowedOnes() throws Exception {
        Path file = write("""
                camstream:
                  viewer-write-timout: 5s
                  cameras:
                    - name: desk
                      driver: sim
                """);

        assertThatThrownBy(() -> ConfigFiles.load(Optional.of(file)))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.viewer-write-timout: 'viewer-write-timout' is not a key of camstream (allowed:"
                        + " auth, cameras, connection-rate-per-client, cors, data-dir, drivers-dir, frame-ancestors,"
                        + " header-read-timeout, keep-alive-timeout, max-connections, max-connections-per-client,"
                        + " server-max-viewers, viewer-write-timeout, watch-config)");
    }

    @Test
    void everyDocumentedKeyIsAccepted() throws Exception {
        Path file = write("""
                camstream:
                  drivers-dir: /opt/camstream/drivers
                  server-max-viewers: 100
                  viewer-write-timeout: 10s
                  header-read-timeout: 10s
                  keep-alive-timeout: 30s
                  max-connections: 500
                  max-connections-per-client: 50
                  connection-rate-per-client: 20
                  frame-ancestors: "'self'"
                  watch-config: true
                  cors:
                    allow-origin: "*"
                  auth:
                    protect-health: false
                  cameras:
                    - name: desk
                      driver: sim
                """);

        assertThat(ConfigFiles.load(Optional.of(file)).get("camstream.server-max-viewers").asInt().get())
                .isEqualTo(100);
    }

    @Test
    void keysFromSystemPropertiesAreNotTheFilesMistakes() throws Exception {
        Path file = write("""
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                """);
        // the launcher passes -Dcamstream.home; any CAMSTREAM_* variable of the environment lands there too
        System.setProperty("camstream.config-files-test", "x");
        try {
            assertThat(ConfigFiles.load(Optional.of(file)).get("camstream.config-files-test").asString().get())
                    .isEqualTo("x");
        } finally {
            System.clearProperty("camstream.config-files-test");
        }
    }

    @Test
    void driversDirIsOneDirectoryOrAListSearchedInOrder() throws Exception {
        Path one = write("""
                camstream:
                  drivers-dir: /opt/camstream/drivers
                """);
        assertThat(ConfigFiles.driversDirs(ConfigFiles.load(Optional.of(one))))
                .containsExactly(Path.of("/opt/camstream/drivers"));

        Path list = write("""
                camstream:
                  drivers-dir:
                    - /usr/share/camstream/drivers
                    - /etc/camstream/drivers
                    - /usr/share/camstream/drivers
                """);
        assertThat(ConfigFiles.driversDirs(ConfigFiles.load(Optional.of(list))))
                .containsExactly(Path.of("/usr/share/camstream/drivers"), Path.of("/etc/camstream/drivers"));
    }

    @Test
    void driversDirDefaultsToTheInstallationsDrivers() throws Exception {
        Path file = write("""
                camstream:
                  drivers-dir: []
                """);
        System.setProperty("camstream.home", "/opt/camstream");
        try {
            assertThat(ConfigFiles.driversDirs(ConfigFiles.load(Optional.of(file))))
                    .containsExactly(Path.of("/opt/camstream/drivers"));
        } finally {
            System.clearProperty("camstream.home");
        }
    }

    @Test
    void blankEntryOfTheDriversDirListIsAnErrorNamingIt() throws Exception {
        Path file = write("""
                camstream:
                  drivers-dir:
                    - /usr/share/camstream/drivers
                    - ""
                """);
        assertThatThrownBy(() -> ConfigFiles.driversDirs(ConfigFiles.load(Optional.of(file))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.drivers-dir.1: '' is blank (allowed: a directory of driver jars)");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("application.yaml"), yaml);
    }
}

package io.camstream.server;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import jakarta.json.JsonObject;

import java.net.URI;
import java.nio.file.Path;

/** A camstream started in the test's JVM on a free port, from a YAML text. */
final class RunningServer implements AutoCloseable {

    private final CamstreamServer server;

    private RunningServer(CamstreamServer server) {
        this.server = server;
    }

    static RunningServer start(String camstreamYaml) {
        return onPort(0, "", camstreamYaml);
    }

    static RunningServer onPort(int port, String camstreamYaml) {
        return onPort(port, "", camstreamYaml);
    }

    /** Starts with more settings under {@code server}, each line indented by two spaces. */
    static RunningServer start(String serverYaml, String camstreamYaml) {
        return onPort(0, serverYaml, camstreamYaml);
    }

    private static RunningServer onPort(int port, String serverYaml, String camstreamYaml) {
        String yaml = "server:\n  port: " + port + "\n  host: 127.0.0.1\n" + serverYaml + camstreamYaml;
        Config config = Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_X_YAML));
        return new RunningServer(CamstreamServer.start(config));
    }

    /** Starts from a configuration file, as the launcher does: the link key is kept beside it by default. */
    static RunningServer fromFile(Path file) {
        return new RunningServer(CamstreamServer.start(file));
    }

    static RunningServer simCamera(String name, int width, int height, int fps) {
        return start("""
                camstream:
                  cameras:
                    - name: %s
                      driver: sim
                      width: %d
                      height: %d
                      fps: %d
                """.formatted(name, width, height, fps));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A GET's status, for a condition a test waits on. */
    int status(String path) {
        return endpoint().status(path);
    }

    String text(String path) {
        return endpoint().text(path);
    }

    JsonObject json(String path) {
        return endpoint().json(path);
    }

    /** One check of {@code /observe/health}, by name. */
    JsonObject healthCheck(String name) {
        return endpoint().healthCheck(name);
    }

    private Endpoint endpoint() {
        return new Endpoint(server.port());
    }

    int port() {
        return server.port();
    }

    CamstreamServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}

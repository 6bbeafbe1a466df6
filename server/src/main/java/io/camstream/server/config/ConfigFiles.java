package io.camstream.server.config;

import io.camstream.core.StartupException;
import io.camstream.spi.ConfigValues;
import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where camstream's configuration comes from: a file given with {@code --config}, else {@code application.yaml}
 * on the class path. Environment variables ({@code SERVER_PORT=9000}) and system properties
 * ({@code -Dserver.port=9000}) override either, as Helidon maps them.
 */
public final class ConfigFiles {

    /** The keys of the {@code camstream} section, each read where it is used; README's configuration lists them. */
    static final Set<String> CAMSTREAM_KEYS = Set.of("cameras", "drivers-dir", "auth", "cors", "server-max-viewers",
            "viewer-write-timeout", "header-read-timeout", "keep-alive-timeout", "max-connections",
            "max-connections-per-client", "connection-rate-per-client", "frame-ancestors", "data-dir",
            "watch-config");

    /** The name of the file that keeps the key signing links, unless {@code camstream.auth.link-key-file} says. */
    static final String LINK_KEY = "link.key";

    private ConfigFiles() {
    }

    /**
     * Loads the configuration.
     *
     * @param file the file named on the command line, if any
     * @return the root node
     * @throws StartupException when the named file does not exist
     * @throws io.camstream.spi.CameraConfigException when its {@code camstream} section has a key camstream does
     *         not know
     */
    public static Config load(Optional<Path> file) {
        if (file.isEmpty()) {
            return Config.create();
        }
        return parse(file.get(), read(file.get()));
    }

    /**
     * What a configuration file holds.
     *
     * @param file the file named on the command line
     * @return its content
     * @throws StartupException when it does not exist or cannot be read
     */
    public static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StartupException("The configuration file " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StartupException("The configuration file " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage());
        }
    }

    /**
     * Reads a configuration file's content as read at one moment, as {@link #load} does at start-up: a file that
     * changes while the server runs is checked by exactly the rules it was checked by at start-up.
     *
     * @param file    the file, whose name tells its format ({@code .yaml}, {@code .properties}, ...)
     * @param content what it held
     * @return the root node, with environment variables and system properties over the file
     * @throws io.camstream.spi.CameraConfigException when its {@code camstream} section has a key camstream does
     *         not know
     * @throws io.helidon.config.ConfigException when it cannot be parsed
     */
    public static Config parse(Path file, byte[] content) {
        // Only the file's own keys are checked: environment variables and -D options land in the same tree
        // (CAMSTREAM_X becomes camstream.x), and an unrelated variable must not stop the server.
        ConfigValues.requireKnownKeys(fileOnly(file, content).get("camstream"), "camstream", CAMSTREAM_KEYS);
        return Config.builder()
                .addSource(source(file, content))
                .build();
    }

    /**
     * A configuration file's own keys, without what environment variables and system properties add: what a
     * change of the file changed.
     *
     * @param file    the file
     * @param content what it held
     * @return the root node of the file alone
     */
    public static Config fileOnly(Path file, byte[] content) {
        return Config.just(source(file, content));
    }

    private static ConfigSource source(Path file, byte[] content) {
        MediaType type = MediaTypes.detectType(file).orElse(MediaTypes.APPLICATION_X_YAML);
        return ConfigSources.create(new String(content, StandardCharsets.UTF_8), type);
    }

    /**
     * The drivers directories: {@code camstream.drivers-dir}, one directory or a list of them (the Debian package
     * lists its own and {@code /etc/camstream/drivers}), else {@code drivers/} of the installation the launcher
     * names with {@code -Dcamstream.home}, else {@code drivers/} of the working directory.
     *
     * @param root the configuration's root
     * @return the directories in the order given, each once; they need not exist
     * @throws io.camstream.spi.CameraConfigException when the key or an entry of its list is a section, or an entry
     *         is blank
     */
    public static List<Path> driversDirs(Config root) {
        Config camstream = root.get("camstream");
        Config node = camstream.get("drivers-dir");
        List<Path> configured = node.type() == Config.Type.LIST
                ? node.asNodeList().orElse(List.of()).stream().map(entry -> listedDirectory(node, entry)).toList()
                : ConfigValues.stringValue(camstream, "drivers-dir").map(Path::of).stream().toList();
        if (!configured.isEmpty()) {
            return configured.stream().distinct().toList();
        }
        String home = System.getProperty("camstream.home");
        return List.of(home == null ? Path.of("drivers") : Path.of(home, "drivers"));
    }

    /**
     * Where cameras record unless their {@code recording.dir} says otherwise, each in a directory of its name:
     * {@code camstream.data-dir}, else the service's state directory that systemd names in {@code STATE_DIRECTORY}
     * ({@code /var/lib/camstream} for the Debian package), else {@code $XDG_DATA_HOME/camstream}, else
     * {@code ~/.local/share/camstream}.
     *
     * @param root the configuration's root
     * @return the directory; it need not exist
     */
    public static Path dataDir(Config root) {
        Optional<String> configured = ConfigValues.stringValue(root.get("camstream"), "data-dir");
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        String state = System.getenv("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            // systemd lists several directories separated by colons when the unit names several
            return Path.of(state.split(":")[0]);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("camstream");
    }

    private static Path listedDirectory(Config list, Config entry) {
        return Path.of(ConfigValues.stringValue(list, entry.name()).orElseThrow(() ->
                ConfigValues.error(list, entry.name(), "", "is blank", "a directory of driver jars")));
    }

    /**
     * Where the key that signs links is kept unless {@code camstream.auth.link-key-file} says: beside the
     * configuration file, else in {@code conf/} of the installation ({@code -Dcamstream.home}), else in
     * {@code conf/} of the working directory.
     *
     * @param configFile the file named on the command line, if any
     * @return the key file, which need not exist yet
     */
    public static Path defaultLinkKeyFile(Optional<Path> configFile) {
        if (configFile.isPresent()) {
            return configFile.get().toAbsolutePath().resolveSibling(LINK_KEY);
        }
        String home = System.getProperty("camstream.home");
        return (home == null ? Path.of("conf") : Path.of(home, "conf")).resolve(LINK_KEY).toAbsolutePath();
    }
}

package io.camstream.server.auth;

import io.camstream.core.StartupException;
import io.camstream.server.config.ConfigFiles;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code camstream link --camera NAME --user USER [--valid 7d] [--snapshot-only] [--base URL] [--config FILE]}:
 * prints a signed link to a camera's stream (or snapshot), for embedding where a browser cannot send a login. It
 * reads the same configuration and key file as the server, so the server need not run; the key file is made
 * (mode 0600) if there is none yet.
 */
public final class LinkCommand {

    private static final int USAGE = 2;
    private static final String SYNOPSIS = "usage: camstream link --camera NAME --user USER [--valid 7d]"
            + " [--snapshot-only] [--base URL] [--config FILE]";

    private LinkCommand() {
    }

    /**
     * Prints the link.
     *
     * @param args the command's arguments
     */
    public static void main(String[] args) {
        try {
            System.out.println(run(args, Clock.systemUTC()));
        } catch (IllegalArgumentException | StartupException | ConfigException
                 | IllegalStateException e) {
            System.err.println("camstream link: " + e.getMessage());
            System.exit(USAGE);
        }
    }

    /**
     * Makes the link.
     *
     * @param args  the command's arguments
     * @param clock the clock that starts its validity
     * @return the URL
     * @throws IllegalArgumentException when the arguments are wrong, naming what is allowed
     */
    static String run(String[] args, Clock clock) {
        Arguments given = Arguments.parse(args);
        Config root = ConfigFiles.load(given.config());
        Config camstream = root.get("camstream");
        AuthSettings settings = AuthSettings.from(camstream, ConfigFiles.defaultLinkKeyFile(given.config()));
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no users are configured (camstream.auth.users), so every camera is"
                    + " open and a link would add nothing");
        }
        List<String> cameras = camstream.get("cameras").asNodeList().orElse(List.of()).stream()
                .map(camera -> camera.get("name").asString().orElse(""))
                .toList();
        if (!cameras.contains(given.camera())) {
            throw new IllegalArgumentException("--camera: '" + given.camera() + "' is not a configured camera"
                    + " (configured: " + String.join(", ", cameras) + ")");
        }
        if (!settings.users().containsKey(given.user())) {
            throw new IllegalArgumentException("--user: '" + given.user() + "' is not one of camstream.auth.users ("
                    + String.join(", ", settings.users().keySet()) + ")");
        }
        Links links = new Links(new LinkKey(settings.linkKeyFile()), clock);
        if (!new Access(settings, links).mayWatch(new Caller.User(given.user()), given.camera())) {
            throw new IllegalArgumentException("--user: '" + given.user() + "' may not watch camera '"
                    + given.camera() + "' (see its allowed-users)");
        }
        Links.Issued link = links.issue(given.camera(), given.user(), given.scope(), given.valid());
        System.err.println("camstream link: valid until " + link.expires() + "; replacing "
                + settings.linkKeyFile() + " revokes every link");
        return given.base().orElseGet(() -> base(root)) + link.path();
    }

    /** Where this configuration serves, as well as it can tell; {@code --base} names the address viewers use. */
    private static String base(Config root) {
        String host = root.get("server.host").asString().orElse("0.0.0.0");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        String scheme = root.get("server.tls").exists() ? "https" : "http";
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + root.get("server.port").asInt().orElse(8080);
    }

    private record Arguments(String camera, String user, Duration valid, LinkScope scope, Optional<String> base,
                             Optional<Path> config) {

        static Arguments parse(String[] args) {
            String camera = null;
            String user = null;
            Duration valid = Links.DEFAULT_VALIDITY;
            LinkScope scope = LinkScope.STREAM;
            Optional<String> base = Optional.empty();
            Optional<Path> config = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--camera" -> camera = value(args, ++i, arg);
                    case "--user" -> user = value(args, ++i, arg);
                    case "--valid" -> {
                        try {
                            valid = ConfigValues.duration(value(args, ++i, arg), Links.MIN_VALIDITY,
                                    Links.MAX_VALIDITY);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--valid: " + e.getMessage());
                        }
                    }
                    case "--snapshot-only" -> scope = LinkScope.SNAPSHOT;
                    case "--base" -> base = Optional.of(value(args, ++i, arg).replaceAll("/+$", ""));
                    case "--config" -> config = Optional.of(Path.of(value(args, ++i, arg)));
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; " + SYNOPSIS);
                }
            }
            if (camera == null || user == null) {
                throw new IllegalArgumentException("--camera and --user are needed; " + SYNOPSIS);
            }
            return new Arguments(camera, user, valid, scope, base, config);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + SYNOPSIS);
            }
            return args[i];
        }
    }
}

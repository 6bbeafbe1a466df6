package io.camstream.server;

import io.camstream.core.StartupException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The launcher's arguments.
 *
 * @param configFile the file given with {@code --config}, if any
 */
record CommandLine(Optional<Path> configFile) {

    static CommandLine parse(String[] args) {
        Optional<Path> config = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--config") && i + 1 < args.length) {
                config = Optional.of(Path.of(args[++i]));
            } else if (arg.startsWith("--config=")) {
                config = Optional.of(Path.of(arg.substring("--config=".length())));
            } else {
                throw new StartupException("Unknown argument '" + arg + "'. Usage: camstream [--config FILE];"
                        + " camstream --help lists the other commands");
            }
        }
        return new CommandLine(config);
    }
}

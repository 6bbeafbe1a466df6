package io.camstream.recording.hooks;

import io.camstream.recording.config.SettingValues;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A camera's event hooks, from its {@code motion} section: {@code on-event-start} and {@code on-event-end}, each a
 * URL ({@code http://} or {@code https://}) or a command (a program, or a list of the program and its own
 * arguments); {@code hook-method} for URLs and {@code hook-timeout} for both.
 *
 * @param onStart run when an event starts
 * @param onEnd   run when it ends
 */
public record HookSettings(Optional<Hook> onStart, Optional<Hook> onEnd) {

    /**
     * Reads the hooks.
     *
     * @param motion the camera's {@code motion} section
     * @return the hooks
     * @throws io.camstream.spi.CameraConfigException when a hook cannot be run as written
     */
    public static HookSettings from(Config motion) {
        String method = ConfigValues.choiceValue(motion, "hook-method", "POST", Set.of("POST", "GET"));
        Duration timeout = ConfigValues.durationValue(motion, "hook-timeout", Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofMinutes(10));
        return new HookSettings(hook(motion, "on-event-start", method, timeout),
                hook(motion, "on-event-end", method, timeout));
    }

    private static Optional<Hook> hook(Config motion, String key, String method, Duration timeout) {
        List<String> words = SettingValues.list(motion, key);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String first = words.getFirst();
        if (words.size() == 1 && (first.startsWith("http://") || first.startsWith("https://"))) {
            try {
                URI url = new URI(first);
                if (url.getHost() == null) {
                    throw new URISyntaxException(first, "no host");
                }
                return Optional.of(new UrlHook(url, method, timeout));
            } catch (URISyntaxException e) {
                throw ConfigValues.error(motion, key, first, "is not a URL", "http://host/path or https://…");
            }
        }
        if (findProgram(first).isEmpty()) {
            String hint = first.contains(" ") && motion.get(key).type() != Config.Type.LIST
                    ? "; no shell is used, so give arguments as a list: [/usr/local/bin/notify, --loud]" : "";
            throw ConfigValues.error(motion, key, first, "is not a program that can be run" + hint,
                    "a URL, an executable file, or a program on PATH");
        }
        return Optional.of(new CommandHook(words, timeout));
    }

    private static Optional<Path> findProgram(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path path = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(path) && Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}

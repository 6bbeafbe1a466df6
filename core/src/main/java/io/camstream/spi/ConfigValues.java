package io.camstream.spi;

import io.helidon.config.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a camera's settings with messages a user can act on: every error names the full key, the value found and
 * what is allowed. Values are read as text and parsed here so that {@code fps: fast} reads
 * "camstream.cameras.0.fps: 'fast' is not a whole number (allowed: 1 to 120)".
 */
public final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private ConfigValues() {
    }

    /**
     * A whole number within a range.
     *
     * @param node the camera's node
     * @param key  the key under it
     * @param def  the value when the key is absent
     * @param min  the smallest allowed value
     * @param max  the largest allowed value
     * @return the value
     * @throws CameraConfigException when the value is not a whole number or out of range
     */
    public static int intValue(Config node, String key, int def, int min, int max) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return def;
        }
        int value;
        try {
            value = Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw error(node, key, text.get(), "is not a whole number", min + " to " + max);
        }
        if (value < min || value > max) {
            throw error(node, key, text.get(), "is out of range", min + " to " + max);
        }
        return value;
    }

    /**
     * A duration such as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 7d}, a plain number of seconds, or ISO-8601
     * ({@code PT10S}), within a range.
     *
     * @param node the camera's node
     * @param key  the key under it
     * @param def  the value when the key is absent
     * @param min  the shortest allowed
     * @param max  the longest allowed
     * @return the value
     * @throws CameraConfigException when the value is not a duration or out of range
     */
    public static Duration durationValue(Config node, String key, Duration def, Duration min, Duration max) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return def;
        }
        try {
            return duration(text.get(), min, max);
        } catch (IllegalArgumentException e) {
            throw new CameraConfigException(fullKey(node, key) + ": " + e.getMessage());
        }
    }

    /**
     * A duration written as in the configuration ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 7d}, a
     * plain number of seconds, or ISO-8601), within a range; for values that come from a command line or a request.
     *
     * @param text the text
     * @param min  the shortest allowed
     * @param max  the longest allowed
     * @return the value
     * @throws IllegalArgumentException when the text is not a duration or out of range; the message quotes the text
     *                                  and says what is allowed
     */
    public static Duration duration(String text, Duration min, Duration max) {
        String allowed = " (allowed: " + describe(min) + " to " + describe(max) + ", written like 500ms, 10s, 2m, 7d)";
        Duration value = parseDuration(text.trim())
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a duration" + allowed));
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("'" + text + "' is out of range" + allowed);
        }
        return value;
    }

    /**
     * A yes/no value ({@code true} or {@code false}).
     *
     * @param node the camera's node
     * @param key  the key under it
     * @param def  the value when the key is absent
     * @return the value
     * @throws CameraConfigException when the value is neither
     */
    public static boolean booleanValue(Config node, String key, boolean def) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return def;
        }
        return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(node, key, text.get(), "is not a yes/no value", "true or false");
        };
    }

    /**
     * One of a fixed set of words.
     *
     * @param node    the camera's node
     * @param key     the key under it
     * @param def     the value when the key is absent
     * @param allowed the accepted values
     * @return the value
     * @throws CameraConfigException when the value is not one of them
     */
    public static String choiceValue(Config node, String key, String def, Set<String> allowed) {
        Optional<String> text = text(node, key);
        if (text.isEmpty()) {
            return def;
        }
        String value = text.get().trim();
        if (!allowed.contains(value)) {
            throw error(node, key, value, "is not a known value", String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /**
     * Text, if the key is present and not blank.
     *
     * @param node the camera's node
     * @param key  the key under it
     * @return the trimmed text
     * @throws CameraConfigException when the key holds a list or a map instead of a value
     */
    public static Optional<String> stringValue(Config node, String key) {
        return text(node, key).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * A directory that must exist.
     *
     * @param node the camera's node
     * @param key  the key under it
     * @return the directory, if the key is present
     * @throws CameraConfigException when the path does not exist or is not a directory
     */
    public static Optional<Path> directoryValue(Config node, String key) {
        Optional<String> text = stringValue(node, key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Path.of(text.get());
        if (!Files.isDirectory(dir)) {
            String problem = Files.exists(dir) ? "is not a directory" : "does not exist";
            throw error(node, key, text.get(), problem, "an existing directory");
        }
        return Optional.of(dir);
    }

    /**
     * Builds the standard message: {@code <full key>: '<value>' <problem> (allowed: <allowed>)}.
     *
     * @param node    the camera's node
     * @param key     the key under it
     * @param value   the value found
     * @param problem what is wrong with it
     * @param allowed what would be accepted
     * @return the exception to throw
     */
    public static CameraConfigException error(Config node, String key, String value, String problem, String allowed) {
        return new CameraConfigException(fullKey(node, key) + ": '" + value + "' " + problem + " (allowed: " + allowed + ")");
    }

    /**
     * Refuses keys a section does not know, usually misspelled ones that would otherwise be ignored in silence.
     *
     * @param node    the section
     * @param owner   what the keys belong to, for the message: {@code driver 'sim'}, {@code camstream}
     * @param allowed the keys it knows
     * @throws CameraConfigException naming the first unknown key and listing the allowed ones
     */
    public static void requireKnownKeys(Config node, String owner, Set<String> allowed) {
        for (Config child : node.asNodeList().orElse(List.of())) {
            if (!allowed.contains(child.name())) {
                throw new CameraConfigException(child.key() + ": '" + child.name() + "' is not a key of " + owner
                        + " (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /**
     * The full dotted name of a key under a node, as the user would find it in the file.
     *
     * @param node a node
     * @param key  a key under it
     * @return for example {@code camstream.cameras.0.fps}
     */
    public static String fullKey(Config node, String key) {
        String base = node.key().toString();
        return base.isEmpty() ? key : base + "." + key;
    }

    private static Optional<String> text(Config node, String key) {
        Config child = node.get(key);
        if (!child.exists()) {
            return Optional.empty();
        }
        if (!child.isLeaf()) {
            throw new CameraConfigException(fullKey(node, key) + ": expected a single value, found a "
                    + (child.type() == Config.Type.LIST ? "list" : "section"));
        }
        return child.asString().asOptional();
    }

    private static Optional<Duration> parseDuration(String text) {
        if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return Optional.of(Duration.parse(text));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            case "d" -> amount * 86_400_000;
            default -> amount * 1_000;
        };
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    private static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}

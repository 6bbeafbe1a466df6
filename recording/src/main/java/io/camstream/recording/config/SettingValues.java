package io.camstream.recording.config;

import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of the recording keys that {@link ConfigValues} has no reader for, with its kind of messages: shares of
 * the picture ({@code 1.5%} or {@code 0.015}), byte sizes ({@code 500MB}, {@code 2GiB}) and lists of text.
 */
public final class SettingValues {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb|kib|mib|gib|tib)?");

    private SettingValues() {
    }

    /**
     * A share between two bounds, written as a percentage ({@code 1.5%}) or a fraction ({@code 0.015}).
     *
     * @param node the section
     * @param key  the key under it
     * @param def  the value when the key is absent
     * @param min  the smallest allowed, as a fraction
     * @param max  the largest allowed, as a fraction
     * @return the share as a fraction
     * @throws io.camstream.spi.CameraConfigException when the value is not a share or out of range
     */
    public static double share(Config node, String key, double def, double min, double max) {
        Optional<String> text = ConfigValues.stringValue(node, key);
        if (text.isEmpty()) {
            return def;
        }
        String allowed = percent(min) + " to " + percent(max) + ", written like 1.5% or 0.015";
        String value = text.get();
        boolean percent = value.endsWith("%");
        double share;
        try {
            share = Double.parseDouble(percent ? value.substring(0, value.length() - 1).trim() : value);
        } catch (NumberFormatException e) {
            throw ConfigValues.error(node, key, value, "is not a share of the picture", allowed);
        }
        if (percent) {
            share /= 100;
        }
        if (!(share >= min && share <= max)) {
            throw ConfigValues.error(node, key, value, "is out of range", allowed);
        }
        return share;
    }

    /**
     * A number of bytes: {@code 500MB}, {@code 2GB}, {@code 1.5GiB}, {@code 1048576}; k, M, G and T are powers of
     * 1000, Ki, Mi, Gi and Ti of 1024.
     *
     * @param node the section
     * @param key  the key under it
     * @param def  the value when the key is absent
     * @return the bytes
     * @throws io.camstream.spi.CameraConfigException when the value is not a size
     */
    public static long bytes(Config node, String key, long def) {
        Optional<String> text = ConfigValues.stringValue(node, key);
        if (text.isEmpty()) {
            return def;
        }
        Matcher m = SIZE.matcher(text.get().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ConfigValues.error(node, key, text.get(), "is not a size",
                    "0 or more bytes, written like 500MB, 2GB or 1.5GiB");
        }
        double factor = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "tb" -> 1e12;
            case "kib" -> 1024.0;
            case "mib" -> 1024.0 * 1024;
            case "gib" -> 1024.0 * 1024 * 1024;
            case "tib" -> 1024.0 * 1024 * 1024 * 1024;
            default -> 1;
        };
        return Math.round(Double.parseDouble(m.group(1)) * factor);
    }

    /**
     * A list of text values, or a single value taken as a list of one.
     *
     * @param node the section
     * @param key  the key under it
     * @return the entries, trimmed; empty when the key is absent
     * @throws io.camstream.spi.CameraConfigException when an entry is blank or a section
     */
    public static List<String> list(Config node, String key) {
        Config child = node.get(key);
        if (!child.exists()) {
            return List.of();
        }
        if (child.type() != Config.Type.LIST) {
            return ConfigValues.stringValue(node, key).stream().toList();
        }
        return child.asNodeList().orElse(List.of()).stream()
                .map(entry -> ConfigValues.stringValue(child, entry.name()).orElseThrow(() ->
                        ConfigValues.error(child, entry.name(), "", "is blank", "a value")))
                .toList();
    }

    private static String percent(double share) {
        double p = share * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}

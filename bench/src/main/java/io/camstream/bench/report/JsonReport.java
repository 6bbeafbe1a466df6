package io.camstream.bench.report;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A load run as one line of JSON, for scripts. Absent figures are {@code null}.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String format(LoadResult result) {
        RunSetup setup = result.setup();
        Object server = result.server().<Object>map(usage -> object(
                "pid", usage.pid(),
                "cpuSeconds", usage.cpuSeconds(),
                "cpuMicrosPerFrame", usage.cpuMicrosPerFrame(),
                "rssStartMiB", usage.rssStartMiB(),
                "rssEndMiB", usage.rssEndMiB(),
                "rssMaxMiB", usage.rssMaxMiB(),
                "threads", usage.threads())).orElse(null);
        StringJoiner errors = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, Long> error : result.errors().entrySet()) {
            errors.add(string(error.getKey()) + ":" + error.getValue());
        }
        return object(
                "url", setup.url(),
                "viewers", setup.viewers(),
                "slowViewers", setup.slowViewers(),
                "slowKbps", setup.slowKbps(),
                "warmupSeconds", setup.warmupSeconds(),
                "windowSeconds", setup.windowSeconds(),
                "fps", spread(result.fps()),
                "slowFps", spread(result.slowFps()),
                "frames", result.frames(),
                "framesPerSecond", result.framesPerSecond(),
                "megabytesPerSecond", result.megabytesPerSecond(),
                "invalidFrames", result.invalidFrames(),
                "distinctFrames", result.distinctFrames(),
                "sourceFps", result.sourceFps(),
                "connectionErrors", result.connectionErrors(),
                "errors", new Raw(errors.toString()),
                "ageMillis", ages(result.ageMillis()),
                "slowAgeMillis", ages(result.slowAgeMillis()),
                "server", server,
                "generatorCpuSeconds", result.generatorCpuSeconds()).text();
    }

    private static Object spread(Distribution d) {
        return d.isEmpty() ? null : object("min", d.min(), "p50", d.p50(), "max", d.max());
    }

    private static Object ages(Distribution d) {
        return d.isEmpty() ? null : object("p50", d.p50(), "p99", d.p99(), "max", d.max());
    }

    private static Raw object(Object... keysAndValues) {
        StringJoiner out = new StringJoiner(",", "{", "}");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.add(string((String) keysAndValues[i]) + ":" + value(keysAndValues[i + 1]));
        }
        return new Raw(out.toString());
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case Raw raw -> raw.text();
            case Double d when d.isNaN() || d.isInfinite() -> "null";
            case Double d -> String.format(Locale.ROOT, "%.3f", d);
            case Number n -> n.toString();
            default -> string(value.toString());
        };
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** JSON text already formatted. */
    private record Raw(String text) {
    }
}

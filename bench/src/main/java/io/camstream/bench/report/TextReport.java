package io.camstream.bench.report;

import java.util.Locale;
import java.util.Map;

/**
 * The human summary of a load run.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String format(LoadResult result) {
        RunSetup setup = result.setup();
        StringBuilder out = new StringBuilder();
        line(out, "%d viewers of %s, measured %.1f s after %.1f s of warm-up",
                setup.viewers(), setup.url(), setup.windowSeconds(), setup.warmupSeconds());
        if (setup.viewers() > setup.slowViewers()) {
            line(out, "  fps per viewer     %s", spread(result.fps()));
            line(out, "  frame age          %s", ages(result.ageMillis()));
            line(out, "  distinct frames    %d, %.2f fps sent by the server (by X-Timestamp)",
                    result.distinctFrames(), result.sourceFps());
        }
        if (setup.slowViewers() > 0) {
            line(out, "  slow viewers       %d held to %d kB/s", setup.slowViewers(), setup.slowKbps());
            line(out, "    fps per viewer   %s", spread(result.slowFps()));
            line(out, "    frame age        %s", ages(result.slowAgeMillis()));
        }
        line(out, "  received           %d frames, %.1f frames/s, %.1f MB/s, %d invalid",
                result.frames(), result.framesPerSecond(), result.megabytesPerSecond(), result.invalidFrames());
        line(out, "  connection errors  %d", result.connectionErrors());
        for (Map.Entry<String, Long> error : result.errors().entrySet()) {
            line(out, "    %d × %s", error.getValue(), error.getKey());
        }
        result.server().ifPresent(server -> {
            line(out, "  server pid %d      %.2f s CPU = %.1f µs per delivered frame",
                    server.pid(), server.cpuSeconds(), server.cpuMicrosPerFrame());
            line(out, "    RSS              %.1f MiB at the end (%.1f at the start, %.1f at most), %d threads",
                    server.rssEndMiB(), server.rssStartMiB(), server.rssMaxMiB(), server.threads());
        });
        line(out, "  load generator     %.2f s CPU (%.0f %% of one core)",
                result.generatorCpuSeconds(), 100 * result.generatorCpuSeconds() / setup.windowSeconds());
        return out.toString();
    }

    private static String spread(Distribution fps) {
        return fps.isEmpty() ? "none" : String.format(Locale.ROOT, "min %.2f  p50 %.2f  max %.2f",
                fps.min(), fps.p50(), fps.max());
    }

    private static String ages(Distribution ages) {
        return ages.isEmpty() ? "none (no frame with an X-Timestamp)" : String.format(Locale.ROOT,
                "p50 %.1f ms  p99 %.1f ms  max %.1f ms", ages.p50(), ages.p99(), ages.max());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}

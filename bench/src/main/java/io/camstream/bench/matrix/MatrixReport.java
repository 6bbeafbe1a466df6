package io.camstream.bench.matrix;

import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.ServerUsage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The matrix's figures as Markdown, written between two marker lines of the performance document so that the
 * prose around them survives a new run.
 */
final class MatrixReport {

    static final String BEGIN = "<!-- matrix:begin (written by bench/run.sh; edits inside are lost) -->";
    static final String END = "<!-- matrix:end -->";

    record Row(Scenario scenario, LoadResult camstream, LoadResult reference) {
    }

    private final List<NoisyFrames.Written> frames;
    private final Map<String, String> commandLines;
    private final List<Duration> camstreamStarts;
    private final List<Duration> referenceStarts;
    private final List<Row> rows;

    MatrixReport(List<NoisyFrames.Written> frames, Map<String, String> commandLines, List<Duration> camstreamStarts,
                 List<Duration> referenceStarts, List<Row> rows) {
        this.frames = frames;
        this.commandLines = commandLines;
        this.camstreamStarts = camstreamStarts;
        this.referenceStarts = referenceStarts;
        this.rows = rows;
    }

    void writeInto(Path document) throws IOException {
        String figures = BEGIN + "\n" + markdown() + END;
        String text;
        if (Files.exists(document)) {
            String old = Files.readString(document);
            int begin = old.indexOf(BEGIN);
            int end = old.indexOf(END);
            text = begin >= 0 && end > begin
                    ? old.substring(0, begin) + figures + old.substring(end + END.length())
                    : old + "\n" + figures + "\n";
        } else {
            text = "# camstream performance\n\n" + figures + "\n";
        }
        if (document.getParent() != null) {
            Files.createDirectories(document.getParent());
        }
        Files.writeString(document, text);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm 'UTC'"))).append(" with `./mvnw -q -B package -DskipTests && bench/run.sh`.\n\n");
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- camstream: `").append(commandLines.getOrDefault("CAMSTREAM", "?")).append("`\n");
        md.append("- reference: `").append(commandLines.getOrDefault("REFERENCE", "?")).append("`\n");
        md.append("- Frames: ").append(frames.size()).append(" noisy JPEGs of 1280×720, ")
                .append(frames.stream().map(f -> String.format(Locale.ROOT, "%,d", f.bytes()))
                        .collect(Collectors.joining(", "))).append(" bytes, played in a loop by both servers\n");
        md.append("- Load generator: `camstream-bench` on the same machine, 2 selector threads; each server is"
                + " started afresh for each run and stopped after it\n\n");

        md.append("### Cold start: launch to first frame received\n\n");
        md.append("camstream's startup cache is kept in the matrix's work folder and emptied first: launch 1 is a"
                + " new installation's first and records what it loads; launch 2 starts without a cache while the"
                + " launcher builds one from that recording in the background (Java 25+), and the matrix waits for it"
                + " to be ready; the later launches map it, as every later start does.\n\n");
        md.append("| launch | camstream | reference |\n|---|---|---|\n");
        for (int i = 0; i < camstreamStarts.size(); i++) {
            md.append("| ").append(switch (i) {
                case 0 -> "1, first of the installation";
                case 1 -> "2, builds the cache";
                default -> Integer.toString(i + 1);
            }).append(" | ").append(camstreamStarts.get(i).toMillis()).append(" ms | ")
                    .append(referenceStarts.get(i).toMillis()).append(" ms |\n");
        }
        md.append('\n');
        for (Row row : rows) {
            table(md, row);
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Row row) {
        Scenario s = row.scenario();
        md.append("### ").append(s.title()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Warm-up %d s, measured %d s.%n%n", s.warmup().toSeconds(),
                s.duration().toSeconds()));
        md.append("| figure | camstream | reference | camstream / reference |\n|---|---|---|---|\n");
        LoadResult c = row.camstream();
        LoadResult r = row.reference();
        String fpsLabel = s.slow() > 0 ? "normal viewers' fps" : "fps per viewer";
        line(md, c, r, fpsLabel + " min", l -> l.fps().min(), "%.1f");
        line(md, c, r, fpsLabel + " p50", l -> l.fps().p50(), "%.1f");
        line(md, c, r, "distinct frames per second sent", LoadResult::sourceFps, "%.1f");
        line(md, c, r, "frames per second received, all viewers", LoadResult::framesPerSecond, "%,.0f");
        line(md, c, r, "MB/s received", LoadResult::megabytesPerSecond, "%,.0f");
        line(md, c, r, "invalid frames", l -> l.invalidFrames(), "%.0f");
        line(md, c, r, "connection errors", l -> l.connectionErrors(), "%.0f");
        line(md, c, r, "frame age p50, ms", l -> l.ageMillis().p50(), "%.1f");
        line(md, c, r, "frame age p99, ms", l -> l.ageMillis().p99(), "%.1f");
        line(md, c, r, "frame age max, ms", l -> l.ageMillis().max(), "%.1f");
        if (s.slow() > 0) {
            line(md, c, r, "slow viewers' fps min", l -> l.slowFps().min(), "%.2f");
            line(md, c, r, "slow viewers' frame age p50, ms", l -> l.slowAgeMillis().p50(), "%,.0f");
            line(md, c, r, "slow viewers' frame age p99, ms", l -> l.slowAgeMillis().p99(), "%,.0f");
        }
        line(md, c, r, "server CPU, s", usage(ServerUsage::cpuSeconds), "%.2f");
        line(md, c, r, "**server CPU per delivered frame, µs**", usage(ServerUsage::cpuMicrosPerFrame), "%.1f");
        line(md, c, r, "server RSS at start of window, MiB", usage(ServerUsage::rssStartMiB), "%.1f");
        line(md, c, r, "server RSS at most, MiB", usage(ServerUsage::rssMaxMiB), "%.1f");
        line(md, c, r, "server threads", usage(u -> u.threads()), "%.0f");
        line(md, c, r, "load generator CPU, s", LoadResult::generatorCpuSeconds, "%.2f");
        if (!c.errors().isEmpty() || !r.errors().isEmpty()) {
            md.append("\nErrors: camstream ").append(c.errors()).append(", reference ").append(r.errors())
                    .append('\n');
        }
        md.append('\n');
    }

    private static ToDoubleFunction<LoadResult> usage(ToDoubleFunction<ServerUsage> figure) {
        return l -> l.server().map(u -> figure.applyAsDouble(u)).orElse(Double.NaN);
    }

    private static void line(StringBuilder md, LoadResult c, LoadResult r, String label,
                             ToDoubleFunction<LoadResult> figure, String format) {
        double cv = figure.applyAsDouble(c);
        double rv = figure.applyAsDouble(r);
        Function<Double, String> text = v -> Double.isNaN(v) ? "—" : String.format(Locale.ROOT, format, v);
        String ratio = Double.isNaN(cv) || Double.isNaN(rv) || rv == 0 ? "—"
                : String.format(Locale.ROOT, "%.2f", cv / rv);
        md.append("| ").append(label).append(" | ").append(text.apply(cv)).append(" | ").append(text.apply(rv))
                .append(" | ").append(ratio).append(" |\n");
    }
}

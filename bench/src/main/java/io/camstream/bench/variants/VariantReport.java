package io.camstream.bench.variants;

import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.PeakRss;
import io.camstream.bench.report.ServerUsage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The variant benchmark's figures as Markdown: a table of the phases beside the reference, then each target of the
 * issue with the figures that judge it. Figures other load on the machine can sway are compared within the run.
 */
final class VariantReport {

    /** The performance issue's targets for viewers of the full picture, and its noise between runs (±15 %). */
    private static final double MIN_FPS = 29;
    private static final double MAX_AGE_P99_MILLIS = 40;
    private static final double MAX_MICROS_PER_FRAME = 50;
    private static final double MAX_REFERENCE_RATIO = 1.5;
    private static final double MAX_RSS_MIB = 128;
    private static final double NOISE = 0.15;

    private final String machine;
    private final List<byte[]> frames;
    private final Duration warmup;
    private final Duration turnedWarmup;
    private final Duration duration;
    private final List<PhaseResult> phases;
    private final VariantBench.ReferenceRun reference;
    private final List<OptionalDouble> ffmpegMillis;
    private final PeakRss.Peak turnedPeak;

    VariantReport(String machine, List<byte[]> frames, Duration warmup, Duration turnedWarmup, Duration duration,
                  List<PhaseResult> phases, VariantBench.ReferenceRun reference, List<OptionalDouble> ffmpegMillis,
                  PeakRss.Peak turnedPeak) {
        this.machine = machine;
        this.frames = frames;
        this.warmup = warmup;
        this.turnedWarmup = turnedWarmup;
        this.duration = duration;
        this.phases = phases;
        this.reference = reference;
        this.ffmpegMillis = ffmpegMillis;
        this.turnedPeak = turnedPeak;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        out.append("Machine: ").append(machine).append(".\n");
        out.append(String.format(Locale.ROOT, "Frames: %d noisy 1280x720 JPEGs of %s kB, %d fps. Warm-up %d s"
                        + " after the baseline's start, %d s after the turned camera's, 2 s before the other phases;"
                        + " windows of %d s.%n%n",
                frames.size(), frames.stream().map(f -> String.valueOf(f.length / 1000)).toList(), VariantBench.FPS,
                warmup.toSeconds(), turnedWarmup.toSeconds(), duration.toSeconds()));
        phaseTable(out);
        out.append('\n');
        targetTable(out);
        return out.toString();
    }

    private void phaseTable(StringBuilder out) {
        out.append("| phase | load average | full picture: fps min / p50, distinct; age p50 / p99"
                + " | width=320: fps min; age p50 / p99 | server CPU: share of a core; per delivered frame, all /"
                + " serving only | turn per frame | variant per frame: encode / its thread; encoded per s; running"
                + " at the end | RSS end / max |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (PhaseResult p : phases) {
            phaseRow(out, p);
            if (p == phases.getFirst()) {
                referenceRow(out, reference.few());
                referenceRow(out, reference.many());
            }
        }
    }

    private static void phaseRow(StringBuilder out, PhaseResult p) {
        ServerUsage usage = p.usage();
        out.append("| ").append(p.phase().title())
                .append(" | ").append(p.before().loadAverage())
                .append(" | ").append(viewers(p.full()))
                .append(" | ").append(p.variant().map(v -> f(v.fps().min()) + "; " + f(v.ageMillis().p50())
                        + " / " + f(v.ageMillis().p99()) + " ms").orElse("none"))
                .append(" | ").append(percent(p.cpuShare())).append("; ").append(f(p.microsPerFrame()))
                .append(" / ").append(f(p.servingMicrosPerFrame())).append(" µs")
                .append(" | ").append(p.framesTurned() > 0
                        ? f(p.turnMillis()) + " ms (" + percent(p.losslessShare()) + " lossless)" : "none")
                .append(" | ").append(p.framesEncoded() > 0
                        ? f(p.encodeMillis()) + " / " + f(p.variantThreadMillis()) + " ms; " : "none; ")
                .append(f(p.encodedPerSecond())).append("; ").append(f(p.variantsRunning()))
                .append(" | ").append(f(usage.rssEndMiB())).append(" / ").append(f(usage.rssMaxMiB()))
                .append(" MiB |\n");
    }

    private void referenceRow(StringBuilder out, LoadResult load) {
        ServerUsage usage = load.server().orElseThrow();
        out.append("| bare reference, ").append(load.setup().viewers()).append(" viewers | ")
                .append(reference.loadAverage())
                .append(" | ").append(viewers(load)).append(" | — | ")
                .append(percent(usage.cpuSeconds() / load.setup().windowSeconds())).append("; ")
                .append(f(usage.cpuMicrosPerFrame())).append(" µs | — | — | ")
                .append(f(usage.rssEndMiB())).append(" / ").append(f(usage.rssMaxMiB())).append(" MiB |\n");
    }

    private void targetTable(StringBuilder out) {
        out.append("| target | figures | met |\n|---|---|---|\n");
        double turn = phases.stream().mapToDouble(PhaseResult::turnSeconds).sum() * 1000
                / phases.stream().mapToDouble(PhaseResult::framesTurned).sum();
        double ffmpeg = ffmpegMillis.stream().flatMapToDouble(OptionalDouble::stream).min().orElse(Double.NaN);
        row(out, "turn ≤ ffmpeg -vf transpose=1 on the same frames",
                f(turn) + " ms per frame; ffmpeg " + ffmpegMillis.stream()
                        .map(m -> m.isPresent() ? f(m.getAsDouble()) : "?").toList() + " ms before / after ("
                        + f(turn / ffmpeg) + "× the lower)", turn <= ffmpeg);

        List<PhaseResult> many = phases.stream().filter(p -> p.phase().variantViewers() > 1).toList();
        PhaseResult one = phases.stream().filter(p -> p.phase().variantViewers() == 1).findFirst().orElseThrow();
        double ratio = one.encodeMillis() / mean(many, PhaseResult::encodeMillis);
        double spread = spread(many, PhaseResult::encodeMillis);
        // The turn does the same work for every frame in every window: how much its CPU per frame varied between
        // them is how much the machine's other load alone moved such figures in this run.
        List<PhaseResult> withVariant = phases.stream().filter(p -> p.variant().isPresent()).toList();
        double machine = spread(withVariant, PhaseResult::turnMillis);
        row(out, "a variant's CPU the same for 1 and 100 viewers (within noise)",
                "encode " + f(one.encodeMillis()) + " ms per frame for 1, " + many.stream()
                        .map(p -> f(p.encodeMillis())).toList() + " ms for 100: 1 : 100 = " + f2(ratio)
                        + "; noise: the two 100s " + percent(spread) + " apart, the turn's CPU per frame "
                        + percent(machine) + " apart in the same windows; its thread " + f(one.variantThreadMillis())
                        + " and " + many.stream().map(p -> f(p.variantThreadMillis())).toList()
                        + " ms; frames encoded per s " + f(one.encodedPerSecond()) + " and "
                        + many.stream().map(p -> f(p.encodedPerSecond())).toList(),
                Math.abs(ratio - 1) <= Math.max(NOISE, Math.max(spread, machine)));

        double minFps = phases.stream().mapToDouble(p -> p.full().fps().min()).min().orElseThrow();
        row(out, "full picture: every viewer ≥ " + f(MIN_FPS) + " fps", "lowest " + f(minFps) + " fps",
                minFps >= MIN_FPS);
        double ageP99 = phases.stream().mapToDouble(p -> p.full().ageMillis().p99()).max().orElseThrow();
        row(out, "full picture: frame age p99 ≤ " + f(MAX_AGE_P99_MILLIS) + " ms", "highest " + f(ageP99) + " ms",
                ageP99 <= MAX_AGE_P99_MILLIS);
        PhaseResult baseline = phases.getFirst();
        double rss = phases.stream().mapToDouble(p -> p.usage().rssMaxMiB()).max().orElseThrow();
        row(out, "RSS ≤ " + f(MAX_RSS_MIB) + " MiB, launcher defaults, in the windows (read once a second)",
                "at most " + f(rss) + " MiB; the baseline " + f(baseline.usage().rssMaxMiB()) + " MiB",
                rss <= MAX_RSS_MIB);
        row(out, "… and at every moment of the turned camera's process, its warm-up and settling included (read"
                        + " every 0.25 s)", "at most " + f(turnedPeak.mib()) + " MiB, " + when(turnedPeak),
                turnedPeak.mib() <= MAX_RSS_MIB);
        PhaseResult crowd = phases.stream().filter(p -> p.phase().fullViewers() == VariantBench.MANY_VIEWERS)
                .findFirst().orElseThrow();
        double crowdReference = reference.many().server().orElseThrow().cpuMicrosPerFrame();
        row(out, "full picture: CPU per delivered frame, the turn counted, ≤ " + f(MAX_MICROS_PER_FRAME) + " µs at "
                        + VariantBench.MANY_VIEWERS + " viewers, where the performance issue sets it ("
                        + crowd.phase().title() + ")",
                f(crowd.microsPerFrame()) + " µs, of which the turn " + f(crowd.turnMicrosPerFrame()),
                crowd.microsPerFrame() <= MAX_MICROS_PER_FRAME);
        row(out, "… and ≤ " + f(MAX_REFERENCE_RATIO) + "× the bare reference's with as many viewers, same run",
                "reference " + f(crowdReference) + " µs: " + f2(crowd.microsPerFrame() / crowdReference) + "×",
                crowd.microsPerFrame() / crowdReference <= MAX_REFERENCE_RATIO);
        PhaseResult alone = phases.stream().filter(p -> p.phase().rotate() != 0 && p.variant().isEmpty()
                && p.phase().fullViewers() == VariantBench.FULL_VIEWERS).findFirst().orElseThrow();
        double fewReference = reference.few().server().orElseThrow().cpuMicrosPerFrame();
        note(out, "the same at " + VariantBench.FULL_VIEWERS + " viewers (" + alone.phase().title() + "), where the"
                        + " performance issue sets no CPU target: the turn is a cost per camera frame, shared by three"
                        + " times fewer frames",
                f(alone.microsPerFrame()) + " µs, of which the turn " + f(alone.turnMicrosPerFrame()) + "; "
                        + f2(alone.microsPerFrame() / fewReference) + "× the reference's " + f(fewReference)
                        + " µs; the baseline, unturned, " + f(baseline.microsPerFrame()) + " µs ("
                        + f2(baseline.microsPerFrame() / fewReference) + "×)");
        double serving = alone.servingMicrosPerFrame();
        row(out, "serving alone at " + VariantBench.FULL_VIEWERS + " viewers, without the turn: ≤ "
                        + f(MAX_MICROS_PER_FRAME) + " µs and ≤ " + f(MAX_REFERENCE_RATIO) + "× the reference",
                f(serving) + " µs, " + f2(serving / fewReference) + "×",
                serving <= MAX_MICROS_PER_FRAME && serving / fewReference <= MAX_REFERENCE_RATIO);

        double interval = 1000.0 / VariantBench.FPS;
        for (PhaseResult p : phases.stream().filter(p -> p.variant().isPresent()).toList()) {
            double bound = interval + p.encodeMillis();
            double age = p.variant().orElseThrow().ageMillis().p99();
            row(out, "width=320 frame age p99 ≤ one frame interval + its encode (" + p.phase().title() + ")",
                    f(age) + " ms ≤ " + f(interval) + " + " + f(p.encodeMillis()) + " ms", age <= bound);
        }
        for (PhaseResult p : phases.stream().filter(p -> p.phase().rotate() != 0 && p.variant().isEmpty()).toList()) {
            row(out, "nothing spent on a variant nobody watches (" + p.phase().title() + ")",
                    f(p.framesEncoded()) + " frames encoded, " + f(p.variantThreadSeconds() * 1000)
                            + " ms of variant threads' CPU, " + f(p.variantsRunning()) + " variants running",
                    p.framesEncoded() == 0 && p.variantThreadSeconds() == 0 && p.variantsRunning() == 0);
        }
    }

    private static String viewers(LoadResult load) {
        return f(load.fps().min()) + " / " + f(load.fps().p50()) + ", " + f(load.sourceFps()) + "; "
                + f(load.ageMillis().p50()) + " / " + f(load.ageMillis().p99()) + " ms"
                + (load.connectionErrors() > 0 ? "; " + load.errors() : "");
    }

    private static void row(StringBuilder out, String target, String figures, boolean met) {
        line(out, target, figures, met ? "yes" : "**no**");
    }

    /** A figure that no target judges, shown beside those that do. */
    private static void note(StringBuilder out, String figure, String figures) {
        line(out, figure, figures, "—");
    }

    private static void line(StringBuilder out, String target, String figures, String met) {
        out.append("| ").append(target).append(" | ").append(figures).append(" | ").append(met).append(" |\n");
    }

    /** @return how far apart the highest and lowest figure are, as a share of their mean */
    private static double spread(List<PhaseResult> phases, ToDoubleFunction<PhaseResult> figure) {
        double max = phases.stream().mapToDouble(figure).max().orElse(Double.NaN);
        double min = phases.stream().mapToDouble(figure).min().orElse(Double.NaN);
        return (max - min) / mean(phases, figure);
    }

    private static double mean(List<PhaseResult> phases, ToDoubleFunction<PhaseResult> figure) {
        return phases.stream().mapToDouble(figure).average().orElse(Double.NaN);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /**
     * Which phase the turned process was in at a moment: in its window, or settling before it (the pause between
     * two phases counts as the next one's settling).
     */
    private String when(PeakRss.Peak peak) {
        for (PhaseResult p : phases.subList(1, phases.size())) {
            if (peak.nanos() <= p.after().nanos()) {
                return (peak.nanos() >= p.before().nanos() ? "in the window of " : "while settling for ")
                        + p.phase().title();
            }
        }
        return "after the last window";
    }

    private static String f(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

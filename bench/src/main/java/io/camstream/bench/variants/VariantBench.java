package io.camstream.bench.variants;

import io.camstream.bench.Args;
import io.camstream.bench.client.FirstFrame;
import io.camstream.bench.client.LoadGenerator;
import io.camstream.bench.client.LoadOptions;
import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.jpeg.FfmpegCost;
import io.camstream.bench.matrix.Machine;
import io.camstream.bench.matrix.ServerProcess;
import io.camstream.bench.matrix.StartupCache;
import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.PeakRss;
import io.camstream.bench.report.ProcessProbe;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code camstream-bench variants}: camstream, started from its distribution, with a 1280x720 30 fps camera turned by
 * {@code rotate: 90}, watched by 100 viewers of the full picture and by 100, then 1, then 100 again, then none of its
 * {@code width=320} variant, and last by 300 of the full picture alone (the performance issue's scenario, where its
 * CPU targets are set): one process for all five phases, so that they differ in their viewers alone. Before it, the
 * same camera unturned with the 100 viewers alone (the baseline), then the bare reference with 100 and with 300
 * viewers of the same frames; before and after everything, ffmpeg turning the same frames by re-encoding them.
 * camstream's own metrics and its threads' CPU in {@code /proc} tell what the turn and the variant cost inside it.
 * Every camstream uses the startup cache, as the launcher does by default once an installation has started twice:
 * the first two launches make it. About two minutes.
 */
public final class VariantBench {

    static final int FULL_VIEWERS = 100;
    /** Where the performance issue set its targets of CPU per delivered frame. */
    static final int MANY_VIEWERS = 300;
    static final int FPS = 30;
    static final String VARIANT = "?width=320";
    /** The variant's encoder thread as the kernel names it: {@code variant-default-320-q75}, cut to 15 characters. */
    private static final String VARIANT_THREAD = "variant-default";
    private static final int FFMPEG_FRAMES = 300;
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /**
     * The matrix's warm-up for its 300 viewers: their connections at once make the JIT compile paths the phases before
     * left cold, and its compiler holds 11-14 MiB of native memory for a second or two while it does.
     */
    private static final Duration MANY_SETTLE = Duration.ofSeconds(12);
    private static final Duration CACHE_WINDOW = Duration.ofSeconds(2);
    private static final Duration REFERENCE_WARMUP = Duration.ofSeconds(3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READING_MARGIN = Duration.ofMillis(100);
    private static final Duration VARIANT_GONE_TIMEOUT = Duration.ofSeconds(10);

    /** What changes from phase to phase: how the camera is turned, and how many watch each picture. */
    record Phase(String title, int rotate, int fullViewers, int variantViewers) {
    }

    static final Phase BASELINE = new Phase("baseline: rotate: 0, 100 full", 0, FULL_VIEWERS, 0);
    private static final List<Phase> PHASES = List.of(
            new Phase("rotate: 90, 100 full + 100 of width=320", 90, FULL_VIEWERS, 100),
            new Phase("rotate: 90, 100 full + 1 of width=320", 90, FULL_VIEWERS, 1),
            new Phase("rotate: 90, 100 full + 100 of width=320, again", 90, FULL_VIEWERS, 100),
            new Phase("rotate: 90, 100 full, nobody on width=320", 90, FULL_VIEWERS, 0),
            new Phase("rotate: 90, 300 full, nobody on width=320", 90, MANY_VIEWERS, 0));

    private final Path camstream;
    private final Path work;
    private final int port;
    private final int referencePort;
    private final Duration warmup;
    private final Duration duration;
    private final StartupCache cache;

    private VariantBench(Path camstream, Path work, int port, int referencePort, Duration warmup,
                         Duration duration) {
        this.camstream = camstream;
        this.work = work;
        this.port = port;
        this.referencePort = referencePort;
        this.warmup = warmup;
        this.duration = duration;
        this.cache = new StartupCache(work.resolve("cache"));
    }

    /**
     * Runs the phases and prints what they measured and how that compares with the targets, as Markdown.
     *
     * @param args {@code --camstream DIR}, {@code --work DIR}, {@code --port P}, {@code --reference-port P},
     *             {@code --warmup S} (after the baseline's start; twice as long after the turned camera's),
     *             {@code --duration S} (each phase's window)
     * @throws IOException          when frames or the config cannot be written, or a server cannot start
     * @throws InterruptedException when interrupted
     */
    public static void run(Args args) throws IOException, InterruptedException {
        Path camstream = Path.of(args.optional("camstream").orElse("server/target/camstream"));
        Path work = Path.of(args.optional("work").orElse("bench/target/variant-bench"));
        int port = args.integer("port", 8181, 1);
        int referencePort = args.integer("reference-port", 8190, 1);
        Duration warmup = Duration.ofMillis(Math.round(args.decimal("warmup", 12, 0) * 1000));
        Duration duration = Duration.ofMillis(Math.round(args.decimal("duration", 5, 1) * 1000));
        args.rejectUnknown();
        if (!camstream.resolve("bin/camstream").toFile().canExecute()) {
            throw new IllegalArgumentException("--camstream " + camstream + " has no bin/camstream; build the"
                    + " distribution first: ./mvnw -q -B package -DskipTests");
        }
        new VariantBench(camstream, work, port, referencePort, warmup, duration).measure();
    }

    private void measure() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path log = work.resolve("servers.log");
        Files.deleteIfExists(log);
        Path frames = work.resolve("frames");
        List<byte[]> jpegs = new ArrayList<>();
        for (NoisyFrames.Written written : NoisyFrames.write(new FrameOptions(frames, 3, 1280, 720, 67))) {
            jpegs.add(Files.readAllBytes(written.file()));
        }
        String machine = Machine.describe();
        OptionalDouble ffmpegBefore = FfmpegCost.transposeMillis(jpegs, FFMPEG_FRAMES);
        URI base = URI.create("http://127.0.0.1:" + port);
        makeStartupCache(frames, log, base);
        List<PhaseResult> phases = new ArrayList<>();
        try (ServerProcess server = camstream(frames, log, BASELINE.rotate())) {
            FirstFrame.await(base.resolve("/video_feed"), server.startNanos(), START_TIMEOUT);
            phases.add(measure(BASELINE, warmup, base, server.pid()));
        }
        // Right after the baseline, so that the machine's load is much the same for the two.
        ReferenceRun reference = reference(frames, log);
        PeakRss.Peak turnedPeak;
        try (ServerProcess server = camstream(frames, log, PHASES.getFirst().rotate())) {
            FirstFrame.await(base.resolve("/video_feed"), server.startNanos(), START_TIMEOUT);
            try (PeakRss peak = PeakRss.watch(ProcessProbe.of(server.pid()))) {
                for (Phase phase : PHASES) {
                    Duration settle = phases.size() == 1 ? turnedWarmup()
                            : phase.fullViewers() > FULL_VIEWERS ? MANY_SETTLE : SETTLE;
                    phases.add(measure(phase, settle, base, server.pid()));
                }
                turnedPeak = peak.peak();
            }
        }
        OptionalDouble ffmpegAfter = FfmpegCost.transposeMillis(jpegs, FFMPEG_FRAMES);
        System.out.print(new VariantReport(machine, jpegs, warmup, turnedWarmup(), duration, phases, reference,
                List.of(ffmpegBefore, ffmpegAfter), turnedPeak).format());
    }

    /**
     * An installation's first launch records what it loads, its second builds the cache from that in the background;
     * viewers of both pictures watch each for a moment, so that what serves them is in the cache too.
     */
    private void makeStartupCache(Path frames, Path log, URI base) throws IOException, InterruptedException {
        cache.clear();
        for (int launch = 1; launch <= 2; launch++) {
            System.err.println("variants: launch " + launch + " of camstream, to make its startup cache");
            try (ServerProcess server = camstream(frames, log, PHASES.getFirst().rotate())) {
                FirstFrame.await(base.resolve("/video_feed"), server.startNanos(), START_TIMEOUT);
                CompletableFuture<LoadResult> full = load(base.resolve("/video_feed"), 5, SETTLE, CACHE_WINDOW,
                        OptionalLong.empty());
                load(base.resolve("/video_feed" + VARIANT), 5, SETTLE, CACHE_WINDOW, OptionalLong.empty()).join();
                full.join();
            }
        }
        if (cache.await().isEmpty()) {
            System.err.println("variants: no startup cache after " + StartupCache.timeout().toSeconds()
                    + " s; measuring without");
        }
    }

    private ReferenceRun reference(Path frames, Path log) throws IOException, InterruptedException {
        try (ServerProcess server = ServerProcess.reference(frames, FPS, referencePort, log)) {
            URI url = URI.create("http://127.0.0.1:" + referencePort + "/");
            FirstFrame.await(url, server.startNanos(), START_TIMEOUT);
            String loadAverage = Machine.loadAverage();
            LoadResult few = load(url, FULL_VIEWERS, REFERENCE_WARMUP, duration, OptionalLong.of(server.pid())).join();
            LoadResult many = load(url, MANY_VIEWERS, REFERENCE_WARMUP, duration, OptionalLong.of(server.pid()))
                    .join();
            return new ReferenceRun(few, many, loadAverage);
        }
    }

    /**
     * The turned camera's process has the JPEG code to compile too: after the baseline's warm-up its JIT still took
     * a share of the two cores, and the first phase's viewers lost frames to it.
     */
    private Duration turnedWarmup() {
        return warmup.multipliedBy(2);
    }

    private ServerProcess camstream(Path frames, Path log, int rotate) throws IOException {
        ServerProcess.requireFree(port);
        Path config = work.resolve("camstream.yaml");
        // Two hundred viewers come from one address; the camera runs between phases, when nobody watches.
        Files.writeString(config, """
                server:
                  port: %d
                  host: 127.0.0.1
                camstream:
                  max-connections-per-client: 1000
                  cameras:
                    - name: default
                      driver: sim
                      folder: "%s"
                      fps: %d
                      rotate: %d
                      idle-timeout: 1h
                """.formatted(port, frames.toAbsolutePath(), FPS, rotate));
        // The cache made before the phases: one a launch made meanwhile would be built in the background during them.
        return ServerProcess.start(List.of(camstream.resolve("bin/camstream").toString(),
                "--config", config.toString()), cache.environment(), log);
    }

    private PhaseResult measure(Phase phase, Duration settle, URI base, long pid)
            throws IOException, InterruptedException {
        // Progress on the error stream, so that the figures alone go to the output.
        System.err.println("variants: " + phase.title() + ", " + (settle.plus(duration).toMillis() / 1000.0) + " s");
        ProcessProbe probe = ProcessProbe.of(pid);
        awaitNoVariant(base, probe);
        long start = System.nanoTime();
        CompletableFuture<LoadResult> full = load(base.resolve("/video_feed"), phase.fullViewers(), settle, duration,
                OptionalLong.of(pid));
        CompletableFuture<Optional<LoadResult>> variant = phase.variantViewers() == 0
                ? CompletableFuture.completedFuture(Optional.empty())
                : load(base.resolve("/video_feed" + VARIANT), phase.variantViewers(), settle, duration,
                        OptionalLong.empty()).thenApply(Optional::of);
        // camstream's first answers of its metrics run cold, at a cost that would fall in the window
        parkUntil(start + settle.toNanos() / 2);
        reading(base, probe);
        parkUntil(start + settle.toNanos());
        Reading before = reading(base, probe);
        // Just before the viewers leave: with the last of them the variant's thread is gone, and its CPU with it.
        parkUntil(start + settle.plus(duration).toNanos() - READING_MARGIN.toNanos());
        Reading after = reading(base, probe);
        return new PhaseResult(phase, full.join(), variant.join(), before, after);
    }

    /**
     * The last phase's variant goes once its last viewer has been seen to leave, which on a loaded machine can take a
     * moment; until then its encoder thread would be counted with the next phase's.
     */
    private static void awaitNoVariant(URI base, ProcessProbe probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + VARIANT_GONE_TIMEOUT.toNanos();
        while (CameraMetrics.read(base, "default").get("camstream_variants") > 0
                || probe.threadCpuSeconds(VARIANT_THREAD) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("camstream still encodes a variant " + VARIANT_GONE_TIMEOUT.toSeconds()
                        + " s after its viewers left");
            }
            Thread.sleep(50);
        }
    }

    private static Reading reading(URI base, ProcessProbe probe) throws IOException, InterruptedException {
        long nanos = System.nanoTime();
        return new Reading(nanos, CameraMetrics.read(base, "default"), probe.threadCpuSeconds(VARIANT_THREAD),
                Machine.loadAverage());
    }

    private static CompletableFuture<LoadResult> load(URI url, int viewers, Duration warm, Duration window,
                                                      OptionalLong pid) {
        LoadOptions options = new LoadOptions(url, viewers, warm, window, 0, 100, pid, 1, true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new LoadGenerator(options).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }, runnable -> Thread.ofPlatform().start(runnable));
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * What camstream said at a moment of a phase.
     *
     * @param nanos             when, by {@link System#nanoTime()}
     * @param metrics           the camera's metrics
     * @param variantCpuSeconds the CPU its variant encoder thread has used, 0 when there is none
     * @param loadAverage       the machine's load averages then
     */
    record Reading(long nanos, CameraMetrics metrics, double variantCpuSeconds, String loadAverage) {
    }

    /**
     * The bare reference's figures, with as many viewers as camstream's phases.
     *
     * @param few         what its 100 viewers received and what it spent
     * @param many        the same with 300 viewers
     * @param loadAverage the machine's load averages as its first window opened
     */
    record ReferenceRun(LoadResult few, LoadResult many, String loadAverage) {
    }
}

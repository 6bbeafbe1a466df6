package io.camstream.bench.variants;

import io.camstream.bench.Args;
import io.camstream.bench.client.FirstFrame;
import io.camstream.bench.client.LoadGenerator;
import io.camstream.bench.client.LoadOptions;
import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.jpeg.FfmpegCost;
import io.camstream.bench.matrix.ServerProcess;
import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.ServerUsage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code camstream-bench variants}: a 1280x720 30 fps camera turned by {@code rotate}, watched by viewers of the
 * full picture and of its {@code width=320} variant at once, each run a camstream started afresh from its
 * distribution. The runs come in pairs that differ in one thing (no turn or a turn, no variant viewer, one or a
 * hundred, variant viewers gone), measured one after the other so that a shared machine's load falls on both
 * alike. Beside them, ffmpeg turns the same frames by re-encoding them, in the same run.
 */
public final class VariantBench {

    /** One run: how the camera is turned, how many watch each picture, and whether variant viewers leave first. */
    private record Run(String title, int rotate, int full, int small, boolean smallLeaveFirst) {
    }

    private static final List<Run> RUNS = List.of(
            new Run("100 full, rotate 0", 0, 100, 0, false),
            new Run("100 full, rotate 90", 90, 100, 0, false),
            new Run("100 full + 1 of width=320, rotate 90", 90, 100, 1, false),
            new Run("100 full + 100 of width=320, rotate 90", 90, 100, 100, false),
            new Run("100 full, after 100 of width=320 left, rotate 90", 90, 100, 100, true));

    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final int FFMPEG_FRAMES = 300;

    private final Path camstream;
    private final Path work;
    private final int port;
    private final Duration warmup;
    private final Duration duration;
    private final int pairs;

    private VariantBench(Path camstream, Path work, int port, Duration warmup, Duration duration, int pairs) {
        this.camstream = camstream;
        this.work = work;
        this.port = port;
        this.warmup = warmup;
        this.duration = duration;
        this.pairs = pairs;
    }

    /**
     * Runs every run the given number of times and prints a Markdown table of each round.
     *
     * @param args {@code --camstream DIR}, {@code --work DIR}, {@code --port P}, {@code --warmup S},
     *             {@code --duration S}, {@code --rounds N}
     * @throws IOException          when frames or configs cannot be written, or a server cannot start
     * @throws InterruptedException when interrupted
     */
    public static void run(Args args) throws IOException, InterruptedException {
        Path camstream = Path.of(args.optional("camstream").orElse("server/target/camstream"));
        Path work = Path.of(args.optional("work").orElse(System.getProperty("java.io.tmpdir") + "/camstream-variants"));
        int port = args.integer("port", 8181, 1);
        Duration warmup = Duration.ofMillis(Math.round(args.decimal("warmup", 12, 0) * 1000));
        Duration duration = Duration.ofMillis(Math.round(args.decimal("duration", 10, 1) * 1000));
        int rounds = args.integer("rounds", 2, 1);
        args.rejectUnknown();
        if (!camstream.resolve("bin/camstream").toFile().canExecute()) {
            throw new IllegalArgumentException("--camstream " + camstream + " has no bin/camstream; build the"
                    + " distribution first: ./mvnw -q -B package -DskipTests");
        }
        new VariantBench(camstream, work, port, warmup, duration, rounds).measure();
    }

    private void measure() throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path frames = work.resolve("frames");
        List<byte[]> jpegs = new ArrayList<>();
        for (NoisyFrames.Written written : NoisyFrames.write(new FrameOptions(frames, 3, 1280, 720, 67))) {
            jpegs.add(Files.readAllBytes(written.file()));
        }
        System.out.printf(Locale.ROOT, "frames: three 1280x720 JPEGs of %d kB; warm-up %d s, window %d s%n",
                jpegs.getFirst().length / 1000, warmup.toSeconds(), duration.toSeconds());
        for (int round = 1; round <= pairs; round++) {
            OptionalDouble ffmpeg = FfmpegCost.transposeMillis(jpegs, FFMPEG_FRAMES);
            System.out.printf(Locale.ROOT, "%nround %d; ffmpeg -vf transpose=1 -q:v 2 on the same frames: %s ms of"
                    + " CPU per frame%n%n", round, ffmpeg.isPresent() ? format(ffmpeg.getAsDouble()) : "?");
            System.out.println("| run | full: distinct fps; fps min / p50; age p50 / p99 | width=320: fps min; age p50 / p99"
                    + " | server CPU per s, per delivered frame | turn CPU per frame | variant CPU per frame,"
                    + " frames encoded per s | RSS end |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Run run : RUNS) {
                System.out.println(row(run, measure(run, frames)));
            }
        }
    }

    /** What one run measured. */
    private record Measured(LoadResult full, Optional<LoadResult> small, CameraMetrics before, CameraMetrics after,
                            double windowSeconds) {
    }

    private Measured measure(Run run, Path frames) throws IOException, InterruptedException {
        Path config = config(run, frames);
        try (ServerProcess server = ServerProcess.start(List.of(camstream.resolve("bin/camstream").toString(),
                "--config", config.toString()), Map.of("XDG_CACHE_HOME", work.resolve("cache").toString()),
                work.resolve("servers.log"))) {
            URI base = URI.create("http://127.0.0.1:" + port);
            FirstFrame.await(base.resolve("/video_feed"), server.startNanos(), Duration.ofSeconds(30));
            // Variant viewers that leave first watch through the full viewers' warm-up; those measured then.
            Duration fullWarmup = run.smallLeaveFirst() ? warmup.plus(duration).plus(SETTLE) : warmup;
            long start = System.nanoTime();
            CompletableFuture<LoadResult> full = load(base.resolve("/video_feed"), run.full(), fullWarmup,
                    OptionalLong.of(server.pid()));
            CompletableFuture<Optional<LoadResult>> small = run.small() == 0
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : load(base.resolve("/video_feed?width=320"), run.small(), warmup, OptionalLong.empty())
                            .thenApply(Optional::of);
            parkUntil(start + fullWarmup.toNanos());
            CameraMetrics before = CameraMetrics.read(base, "default");
            parkUntil(start + fullWarmup.plus(duration).toNanos());
            CameraMetrics after = CameraMetrics.read(base, "default");
            return new Measured(full.join(), run.smallLeaveFirst() ? Optional.empty() : small.join(), before, after,
                    duration.toNanos() / 1e9);
        }
    }

    private CompletableFuture<LoadResult> load(URI url, int viewers, Duration warm, OptionalLong pid) {
        LoadOptions options = new LoadOptions(url, viewers, warm, duration, 0, 100, pid, 1, true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new LoadGenerator(options).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }, runnable -> Thread.ofPlatform().start(runnable));
    }

    private static String row(Run run, Measured m) {
        ServerUsage usage = m.full().server().orElseThrow(() -> new IllegalStateException("the server ended"));
        long delivered = m.full().frames() + m.small().map(LoadResult::frames).orElse(0L);
        double turned = m.after().since(m.before(), "camstream_frames_turned_total{path=\"lossless\"}")
                + m.after().since(m.before(), "camstream_frames_turned_total{path=\"partly-lossless\"}")
                + m.after().since(m.before(), "camstream_frames_turned_total{path=\"re-encoded\"}");
        double turnSeconds = m.after().since(m.before(), "camstream_turn_seconds");
        double encoded = m.after().since(m.before(), "camstream_variant_frames_encoded_total");
        double encodeSeconds = m.after().since(m.before(), "camstream_variant_encode_seconds");
        String small = m.small().map(s -> format(s.fps().min()) + "; " + format(s.ageMillis().p50()) + " / "
                + format(s.ageMillis().p99()) + " ms").orElse("none");
        return "| " + run.title()
                + " | " + format(m.full().sourceFps()) + "; " + format(m.full().fps().min()) + " / "
                + format(m.full().fps().p50()) + "; " + format(m.full().ageMillis().p50()) + " / "
                + format(m.full().ageMillis().p99()) + " ms"
                + " | " + small
                + " | " + format(usage.cpuSeconds() / m.windowSeconds() * 1000) + " ms, "
                + format(usage.cpuSeconds() * 1e6 / delivered) + " µs"
                + " | " + (turned > 0 ? format(turnSeconds * 1000 / turned) + " ms" : "none")
                + " | " + (encoded > 0 ? format(encodeSeconds * 1000 / encoded) + " ms, " : "none, ")
                + format(encoded / m.windowSeconds())
                + " | " + format(usage.rssEndMiB()) + " MiB |";
    }

    private Path config(Run run, Path frames) throws IOException {
        Path config = work.resolve("camstream-rotate" + run.rotate() + ".yaml");
        Files.writeString(config, """
                server:
                  port: %d
                  host: 127.0.0.1
                camstream:
                  cameras:
                    - name: default
                      driver: sim
                      folder: "%s"
                      fps: 30
                      rotate: %d
                """.formatted(port, frames.toAbsolutePath(), run.rotate()));
        return config;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    private static void parkUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}

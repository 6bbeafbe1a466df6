package io.camstream.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures of one load run over its measuring window.
 *
 * @param setup               what was run
 * @param fps                 frames per second of each normal viewer
 * @param slowFps             frames per second of each slow viewer
 * @param frames              frames received by all viewers
 * @param invalidFrames       of those, frames without SOI or EOI
 * @param bytes               bytes received by all viewers
 * @param ageMillis           age of the frames normal viewers received, at their last byte, from X-Timestamp
 * @param slowAgeMillis       the same for slow viewers
 * @param distinctFrames      how many different frames (by X-Timestamp) normal viewers received: what the server sent
 * @param errors              how many viewers failed, by reason
 * @param generatorCpuSeconds CPU time this load generator spent in the window
 * @param server              the server's use of the machine, when its pid was given
 */
public record LoadResult(RunSetup setup, Distribution fps, Distribution slowFps, long frames, long invalidFrames,
                         long bytes, Distribution ageMillis, Distribution slowAgeMillis, int distinctFrames,
                         Map<String, Long> errors,
                         double generatorCpuSeconds, Optional<ServerUsage> server) {

    /**
     * Sums up what each viewer received.
     *
     * @param setup         what was run
     * @param viewers       each viewer's counts
     * @param agesMicros    frame ages of normal viewers, in microseconds
     * @param slowAgesMicros frame ages of slow viewers, in microseconds
     * @param distinctFrames how many different timestamps normal viewers saw
     * @param generatorCpuSeconds this process's CPU time in the window
     * @param server        the server's usage, if measured
     * @return the result
     */
    public static LoadResult of(RunSetup setup, List<ViewerResult> viewers, Samples agesMicros,
                                Samples slowAgesMicros, int distinctFrames, double generatorCpuSeconds,
                                Optional<ServerUsage> server) {
        Map<String, Long> errors = new TreeMap<>();
        viewers.stream().map(ViewerResult::error).filter(Objects::nonNull)
                .forEach(error -> errors.merge(error, 1L, Long::sum));
        return new LoadResult(setup,
                fps(viewers, false, setup.windowSeconds()),
                fps(viewers, true, setup.windowSeconds()),
                viewers.stream().mapToLong(ViewerResult::frames).sum(),
                viewers.stream().mapToLong(ViewerResult::invalid).sum(),
                viewers.stream().mapToLong(ViewerResult::bytes).sum(),
                agesMicros.distribution(0.001),
                slowAgesMicros.distribution(0.001),
                distinctFrames,
                errors, generatorCpuSeconds, server);
    }

    /**
     * How many viewers failed or were cut off.
     */
    public long connectionErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Distinct frames per second: the rate the server sent, whatever each viewer got of it.
     */
    public double sourceFps() {
        return distinctFrames / setup.windowSeconds();
    }

    public double framesPerSecond() {
        return frames / setup.windowSeconds();
    }

    /**
     * Received megabytes (10^6 bytes) per second.
     */
    public double megabytesPerSecond() {
        return bytes / 1e6 / setup.windowSeconds();
    }

    private static Distribution fps(List<ViewerResult> viewers, boolean slow, double seconds) {
        return Distribution.of(viewers.stream()
                .filter(viewer -> viewer.slow() == slow)
                .mapToDouble(viewer -> viewer.frames() / seconds)
                .toArray());
    }
}

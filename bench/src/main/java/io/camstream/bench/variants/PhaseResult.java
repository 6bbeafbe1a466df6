package io.camstream.bench.variants;

import io.camstream.bench.report.LoadResult;
import io.camstream.bench.report.ServerUsage;

import java.util.List;
import java.util.Optional;

/**
 * What one phase measured: the two load generators' figures over their window, and camstream's own counters read
 * at the start and just before the end of it.
 *
 * @param phase   what ran
 * @param full    the full picture's viewers, with the server's CPU and memory
 * @param variant the variant's viewers, when there were any
 * @param before  camstream at the window's start
 * @param after   camstream just before its end
 */
record PhaseResult(VariantBench.Phase phase, LoadResult full, Optional<LoadResult> variant,
                   VariantBench.Reading before, VariantBench.Reading after) {

    private static final List<String> TURN_PATHS = List.of("lossless", "partly-lossless", "re-encoded");

    ServerUsage usage() {
        return full.server().orElseThrow(() -> new IllegalStateException("camstream ended during " + phase.title()));
    }

    /** @return frames the viewers of both pictures received */
    long delivered() {
        return full.frames() + variant.map(LoadResult::frames).orElse(0L);
    }

    /** @return the share of one core camstream used */
    double cpuShare() {
        return usage().cpuSeconds() / full.setup().windowSeconds();
    }

    /** @return camstream's CPU per delivered frame, in microseconds */
    double microsPerFrame() {
        return usage().cpuSeconds() * 1e6 / delivered();
    }

    /** @return the same without the turn's and the variant encoder's own CPU: what serving the viewers took */
    double servingMicrosPerFrame() {
        double readSeconds = (after.nanos() - before.nanos()) / 1e9;
        double ownShare = (grew("camstream_turn_seconds") + variantThreadSeconds()) / readSeconds;
        return (cpuShare() - ownShare) * full.setup().windowSeconds() * 1e6 / delivered();
    }

    double framesTurned() {
        return TURN_PATHS.stream().mapToDouble(p -> grew("camstream_frames_turned_total{path=\"" + p + "\"}")).sum();
    }

    double losslessShare() {
        return grew("camstream_frames_turned_total{path=\"lossless\"}") / framesTurned();
    }

    /** @return the turn's CPU per frame in milliseconds, as camstream's turning stage measures it */
    double turnMillis() {
        return grew("camstream_turn_seconds") * 1000 / framesTurned();
    }

    double turnSeconds() {
        return grew("camstream_turn_seconds");
    }

    /** @return the turn's CPU per delivered frame, in microseconds: a cost per camera frame, shared by the viewers */
    double turnMicrosPerFrame() {
        return turnSeconds() * 1e6 / delivered();
    }

    double framesEncoded() {
        return grew("camstream_variant_frames_encoded_total");
    }

    double encodedPerSecond() {
        return framesEncoded() * 1e9 / (after.nanos() - before.nanos());
    }

    /** @return the variant's decoding and encoding per frame in milliseconds, as camstream measures it; NaN if none */
    double encodeMillis() {
        return grew("camstream_variant_encode_seconds") * 1000 / framesEncoded();
    }

    /** @return everything the variant's thread did per frame (waits and publishing too), from {@code /proc} */
    double variantThreadMillis() {
        return variantThreadSeconds() * 1000 / framesEncoded();
    }

    double variantThreadSeconds() {
        return after.variantCpuSeconds() - before.variantCpuSeconds();
    }

    /** @return variants camstream encoded as the window closed */
    double variantsRunning() {
        return after.metrics().get("camstream_variants");
    }

    private double grew(String series) {
        return after.metrics().since(before.metrics(), series);
    }
}

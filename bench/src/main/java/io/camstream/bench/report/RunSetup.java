package io.camstream.bench.report;

/**
 * What was run, as reported beside the figures.
 *
 * @param url           the stream watched
 * @param viewers       how many connections
 * @param slowViewers   how many of them read slowly
 * @param slowKbps      the slow viewers' rate in kB (1000 bytes) per second
 * @param warmupSeconds time before measuring
 * @param windowSeconds time measured
 */
public record RunSetup(String url, int viewers, int slowViewers, int slowKbps, double warmupSeconds,
                       double windowSeconds) {
}

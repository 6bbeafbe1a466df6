package io.camstream.bench.report;

/**
 * The server process's use of the machine over the measuring window.
 *
 * @param pid               the process
 * @param cpuSeconds        user plus system CPU time spent in the window
 * @param cpuMicrosPerFrame CPU time per frame delivered to any viewer in the window
 * @param rssStartMiB       resident memory when the window opened
 * @param rssEndMiB         resident memory when it closed
 * @param rssMaxMiB         the most resident memory seen, sampled once a second
 * @param threads           threads when the window closed
 */
public record ServerUsage(long pid, double cpuSeconds, double cpuMicrosPerFrame, double rssStartMiB, double rssEndMiB,
                          double rssMaxMiB, int threads) {
}

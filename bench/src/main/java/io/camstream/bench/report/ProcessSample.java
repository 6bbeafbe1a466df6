package io.camstream.bench.report;

/**
 * One reading of a process's counters from {@code /proc}.
 *
 * @param cpuTicks user plus system CPU time, in clock ticks
 * @param rssKiB   resident memory ({@code VmRSS})
 * @param threads  thread count
 */
public record ProcessSample(long cpuTicks, long rssKiB, int threads) {
}

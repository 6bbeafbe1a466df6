package io.camstream.bench.report;

import java.io.IOException;
import java.util.Optional;

/**
 * A process's counters over a window: the reading at its start, the peak resident memory, and the last reading.
 */
public final class ProcessMeter {

    private static final double KIB_PER_MIB = 1024;

    private final ProcessProbe probe;
    private ProcessSample first;
    private ProcessSample last;
    private long maxRssKiB;

    /**
     * Takes the first reading now.
     */
    public ProcessMeter(ProcessProbe probe) {
        this.probe = probe;
        sample();
    }

    /**
     * Takes a reading; once the process has gone, every later figure is absent.
     */
    public void sample() {
        try {
            last = probe.sample();
            first = first == null ? last : first;
            maxRssKiB = Math.max(maxRssKiB, last.rssKiB());
        } catch (IOException e) {
            last = null;
        }
    }

    public boolean gone() {
        return first == null || last == null;
    }

    /**
     * @return CPU seconds from the first reading to the last, NaN when the process has gone
     */
    public double cpuSeconds() {
        return gone() ? Double.NaN : probe.cpuSeconds(first, last);
    }

    /**
     * @param frames frames delivered in the window
     * @return the usage, empty when the process has gone
     */
    public Optional<ServerUsage> usage(long frames) {
        if (gone()) {
            return Optional.empty();
        }
        double cpu = cpuSeconds();
        return Optional.of(new ServerUsage(probe.pid(), cpu, cpu * 1e6 / frames, first.rssKiB() / KIB_PER_MIB,
                last.rssKiB() / KIB_PER_MIB, maxRssKiB / KIB_PER_MIB, last.threads()));
    }
}

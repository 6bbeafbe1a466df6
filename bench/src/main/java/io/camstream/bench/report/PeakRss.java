package io.camstream.bench.report;

import java.io.IOException;
import java.time.Duration;

/**
 * A process's resident memory at every moment, not only in measuring windows: read every quarter second from
 * {@code /proc} on a thread of its own until closed, keeping the highest reading and when it was taken. A window's
 * once-a-second samples miss what lasts a second or two, such as the JIT compiling a large method.
 */
public final class PeakRss implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final double KIB_PER_MIB = 1024;

    private final ProcessProbe probe;
    private final Thread thread;
    private volatile Peak peak = new Peak(0, 0);

    /**
     * The highest reading.
     *
     * @param mib   resident memory in MiB
     * @param nanos when it was read, on {@link System#nanoTime()}'s clock
     */
    public record Peak(double mib, long nanos) {
    }

    private PeakRss(ProcessProbe probe) {
        this.probe = probe;
        this.thread = Thread.ofPlatform().daemon().name("peak-rss").start(this::run);
    }

    /**
     * Starts reading a process's resident memory.
     *
     * @param probe the process
     * @return the watch; close it to stop
     */
    public static PeakRss watch(ProcessProbe probe) {
        return new PeakRss(probe);
    }

    /** @return the highest reading so far; 0 MiB before the first */
    public Peak peak() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }

    /** Until interrupted: a read of {@code /proc} that the interrupt cuts short ends it as a sleep would. */
    private void run() {
        while (true) {
            try {
                long nanos = System.nanoTime();
                double mib = probe.sample().rssKiB() / KIB_PER_MIB;
                if (mib > peak.mib()) {
                    peak = new Peak(mib, nanos);
                }
                Thread.sleep(PERIOD);
            } catch (IOException | InterruptedException e) {
                return; // closed, or the process has gone: what was seen until then stands
            }
        }
    }
}

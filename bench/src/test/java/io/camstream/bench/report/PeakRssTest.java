package io.camstream.bench.report;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

class PeakRssTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void seesMemoryHeldForLessThanASecondAndWhenItWasHeld() throws Exception {
        ProcessProbe probe = ProcessProbe.of(ProcessHandle.current().pid());
        double before = probe.sample().rssKiB() / 1024.0;
        long held;
        try (PeakRss watch = PeakRss.watch(probe)) {
            Thread.sleep(300);
            held = System.nanoTime();
            // Direct memory is zeroed as it is allocated, so every page of it is resident at once.
            ByteBuffer burst = ByteBuffer.allocateDirect(96 * MIB);
            Thread.sleep(600);
            assertThat(burst.capacity()).isEqualTo(96 * MIB);
            PeakRss.Peak peak = watch.peak();

            assertThat(peak.mib()).as("resident before: %.1f MiB", before).isGreaterThan(before + 80);
            assertThat(peak.nanos()).isBetween(held, System.nanoTime());
        }
    }

    @Test
    void keepsWhatItSawOnceTheProcessHasGone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        PeakRss.Peak peak;
        try (PeakRss watch = PeakRss.watch(ProcessProbe.of(sleeper.pid()))) {
            Thread.sleep(400);
            sleeper.destroyForcibly().waitFor();
            Thread.sleep(400);
            peak = watch.peak();
        }

        assertThat(peak.mib()).as("a sleep's resident memory").isBetween(0.1, 64.0);
    }
}

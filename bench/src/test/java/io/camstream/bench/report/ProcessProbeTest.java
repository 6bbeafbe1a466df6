package io.camstream.bench.report;

import org.junit.jupiter.api.Test;

import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessProbeTest {

    @Test
    void readsThisProcessCpuMemoryAndThreads() throws Exception {
        ProcessSample sample = ProcessProbe.of(ProcessHandle.current().pid()).sample();

        assertThat(sample.cpuTicks()).isPositive();
        assertThat(sample.rssKiB()).isPositive();
        assertThat(sample.threads()).isPositive();
    }

    @Test
    void countsTheDescriptorsAProcessOpens() throws Exception {
        ProcessProbe probe = ProcessProbe.of(ProcessHandle.current().pid());
        List<Pipe> pipes = new ArrayList<>();
        int open;
        try {
            for (int i = 0; i < 100; i++) {
                pipes.add(Pipe.open());
            }
            open = probe.descriptors();
        } finally {
            for (Pipe pipe : pipes) {
                pipe.source().close();
                pipe.sink().close();
            }
        }
        // other descriptors of this JVM may come and go meanwhile, a few
        assertThat(open - probe.descriptors()).as("the two ends of 100 pipes").isBetween(190, 210);
    }

    @Test
    void cpuTicksAreUserPlusSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "42 (my (odd) name) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 3 0 100 0 0";

        assertThat(ProcessProbe.cpuTicks(stat)).isEqualTo(300);
    }

    @Test
    void missingProcessIsRefused() {
        assertThatThrownBy(() -> ProcessProbe.of(Integer.MAX_VALUE))
                .hasMessage("--pid 2147483647: no such process (no /proc/2147483647/stat)");
    }
}

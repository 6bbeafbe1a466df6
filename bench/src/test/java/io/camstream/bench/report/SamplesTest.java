package io.camstream.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {

    @Test
    void growsPastItsFirstArrayAndCountsDistinctValues() {
        Samples samples = new Samples();
        for (int i = 0; i < 5000; i++) {
            samples.add(i % 1500);
        }

        assertThat(samples.size()).isEqualTo(5000);
        assertThat(samples.distinctCount()).isEqualTo(1500);
        assertThat(samples.distribution(0.5).max()).isEqualTo(749.5);
    }
}

package io.camstream.bench.report;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest {

    @Test
    void percentilesAreNearestRank() {
        double[] values = IntStream.rangeClosed(1, 200).mapToDouble(i -> 201 - i).toArray();

        assertThat(Distribution.of(values)).isEqualTo(new Distribution(200, 1, 100, 198, 200));
    }

    @Test
    void noValuesGiveAnEmptyDistribution() {
        assertThat(Distribution.of(new double[0]).isEmpty()).isTrue();
    }
}

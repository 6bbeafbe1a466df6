package io.camstream.driver.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class UpstreamTimeTest {

    @Test
    void epochSecondsWithAFractionAreTheCaptureTime() {
        assertThat(UpstreamTime.of(Optional.of(" 1764068400.123456 ")))
                .isEqualTo(Instant.ofEpochSecond(1764068400, 123_456_000));
    }

    @Test
    void aHugeExponentIsNoTimeAndCostsNothing() {
        // Found by SnapshotCheckFuzzTest: turning 1e11000000 into whole seconds took minutes of the capture thread.
        Instant before = Instant.now();
        Instant time = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> UpstreamTime.of(Optional.of("1e11000000")));
        assertThat(time).isBetween(before, Instant.now());
    }
}

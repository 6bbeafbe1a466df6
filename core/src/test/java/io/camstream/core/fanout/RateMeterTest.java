package io.camstream.core.fanout;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rate shown for a camera and each viewer, on a clock of the test's. */
class RateMeterTest {

    private final ManualClock clock = new ManualClock();
    private final RateMeter meter = new RateMeter(clock::nanoTime);

    @Test
    void nothingRecordedIsNoRate() {
        clock.advance(Duration.ofSeconds(10));
        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void aYoungMeterMeasuresTheIntervalsSinceItsFirstEvent() {
        meter.record();
        assertThat(meter.perSecond()).as("one event, no interval yet").isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(100));
            meter.record();
        }
        assertThat(meter.perSecond()).isCloseTo(10, within(0.01));
    }

    @Test
    void aSteadyRateIsMeasuredOverTheLastThreeSeconds() {
        events(Duration.ofSeconds(10), Duration.ofMillis(1000 / 30));
        assertThat(meter.perSecond()).isCloseTo(30, within(0.5));
    }

    @Test
    void aRateThatChangesShowsTheNewRateOnceTheWindowHasPassed() {
        events(Duration.ofSeconds(10), Duration.ofMillis(10));
        assertThat(meter.perSecond()).isCloseTo(100, within(1.0));
        events(Duration.ofMillis(3500), Duration.ofMillis(200));
        assertThat(meter.perSecond()).isCloseTo(5, within(0.5));
    }

    @Test
    void eventsThatStopLeaveTheWindowAndTheRateFallsToZero() {
        events(Duration.ofSeconds(5), Duration.ofMillis(50));
        clock.advance(Duration.ofMillis(1500));
        assertThat(meter.perSecond()).as("half the window without events").isCloseTo(10, within(1.0));
        clock.advance(Duration.ofSeconds(2));
        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void aBucketOfTheRingIsNotCountedAgainAfterTheRingWentRound() {
        events(Duration.ofSeconds(4), Duration.ofMillis(10));
        // Long enough for every bucket of the ring to be reused: only the events after the pause count.
        clock.advance(Duration.ofSeconds(60));
        events(Duration.ofSeconds(1), Duration.ofMillis(100));
        assertThat(meter.perSecond()).isCloseTo(10 / 3.0, within(0.5));
    }

    /** One event every {@code interval} for {@code span}. */
    private void events(Duration span, Duration interval) {
        for (long t = 0; t < span.toNanos(); t += interval.toNanos()) {
            meter.record();
            clock.advance(interval);
        }
    }
}

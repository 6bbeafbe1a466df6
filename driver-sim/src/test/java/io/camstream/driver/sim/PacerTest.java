package io.camstream.driver.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

    @Test
    void theFirstSlotIsDueAtOnce() throws InterruptedException {
        Pacer pacer = new Pacer(1);
        long start = System.nanoTime();

        assertThat(pacer.awaitNext()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void slotsComeOnePeriodApart() throws InterruptedException {
        Pacer pacer = new Pacer(20);
        long start = System.nanoTime();

        for (int i = 0; i < 10; i++) {
            assertThat(pacer.awaitNext()).isEqualTo(i);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(450))
                .isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aStalledCallerSkipsTheMissedSlotsInsteadOfBursting() throws InterruptedException {
        Pacer pacer = new Pacer(20);
        pacer.awaitNext();
        Thread.sleep(300);

        long start = System.nanoTime();
        long afterStall = pacer.awaitNext();
        long second = pacer.awaitNext();
        long third = pacer.awaitNext();

        assertThat(afterStall).isGreaterThanOrEqualTo(6);
        assertThat(second).isEqualTo(afterStall + 1);
        assertThat(third).isEqualTo(afterStall + 2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void closingEndsAWaitAtOnce() throws InterruptedException {
        Pacer pacer = new Pacer(1);
        pacer.awaitNext();
        pacer.close();
        long start = System.nanoTime();

        pacer.awaitNext();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }
}

package io.camstream.driver.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer on a clock of the test's: every wait it asks for is seen exactly, and no time passes unless asked. */
class PacerTest {

    private static final long PERIOD_20_FPS = Duration.ofMillis(50).toNanos();

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void theFirstSlotIsDueAtOnce() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);

        assertThat(pacer.awaitNext()).isZero();
        assertThat(ticker.waits).isEmpty();
    }

    @Test
    void slotsComeOnePeriodApart() throws InterruptedException {
        Pacer pacer = new Pacer(20, ticker);

        for (int i = 0; i < 10; i++) {
            assertThat(pacer.awaitNext()).isEqualTo(i);
        }

        assertThat(ticker.waits).hasSize(9).containsOnly(PERIOD_20_FPS);
        assertThat(ticker.now).isEqualTo(9 * PERIOD_20_FPS);
    }

    @Test
    void lateCallersWaitOnlyForWhatIsLeftOfThePeriod() throws InterruptedException {
        Pacer pacer = new Pacer(20, ticker);
        pacer.awaitNext();
        ticker.now += Duration.ofMillis(20).toNanos(); // the frame took 20 ms to make

        assertThat(pacer.awaitNext()).isEqualTo(1);
        assertThat(ticker.waits).containsExactly(Duration.ofMillis(30).toNanos());
    }

    @Test
    void aStalledCallerSkipsTheMissedSlotsInsteadOfBursting() throws InterruptedException {
        Pacer pacer = new Pacer(20, ticker);
        pacer.awaitNext();
        ticker.now += Duration.ofMillis(300).toNanos();

        long afterStall = pacer.awaitNext();
        long second = pacer.awaitNext();
        long third = pacer.awaitNext();

        assertThat(afterStall).isEqualTo(6);
        assertThat(second).isEqualTo(7);
        assertThat(third).isEqualTo(8);
        assertThat(ticker.waits).as("no burst: the slots after the stall are a period apart")
                .containsExactly(PERIOD_20_FPS, PERIOD_20_FPS);
    }

    @Test
    void closingEndsTheWaitOnTheLatchItWaitsOn() throws InterruptedException {
        Pacer pacer = new Pacer(1, ticker);
        pacer.awaitNext();
        pacer.close();

        assertThat(pacer.awaitNext()).isEqualTo(1);
        assertThat(ticker.waits).containsExactly(Duration.ofSeconds(1).toNanos());
        assertThat(ticker.now).as("the closed latch ended the wait at once").isZero();
    }

    /** Time moves only by the waits asked for, and not at all once the latch is down. */
    private static final class FakeTicker implements Pacer.Ticker {

        private final List<Long> waits = new ArrayList<>();
        private long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void await(CountDownLatch closed, long nanos) {
            waits.add(nanos);
            if (closed.getCount() > 0) {
                now += nanos;
            }
        }
    }
}

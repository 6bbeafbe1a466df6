package io.camstream.core.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final Deadlines deadlines = Deadlines.manual(clock::get);
    private final AtomicInteger fired = new AtomicInteger();

    @Test
    void anArmedDeadlineFiresOnceWhenItsInstantHasPassed() {
        Deadline deadline = deadlines.add(fired::incrementAndGet);
        deadline.armIn(Duration.ofNanos(100));
        advance(99);
        assertThat(fired).hasValue(0);
        advance(1);
        assertThat(fired).hasValue(1);
        advance(1_000);
        assertThat(fired).as("fired only once").hasValue(1);
        assertThat(deadline.armed()).isFalse();
    }

    @Test
    void reArmingPutsTheDeadlineOffAndDisarmingCancelsIt() {
        Deadline deadline = deadlines.add(fired::incrementAndGet);
        deadline.armIn(Duration.ofNanos(100));
        advance(80);
        deadline.armIn(Duration.ofNanos(100));
        advance(80);
        assertThat(fired).hasValue(0);
        deadline.disarm();
        advance(1_000);
        assertThat(fired).hasValue(0);
    }

    @Test
    void armNoLaterThanKeepsAnEarlierInstantAndTakesALaterOneOnlyWhenDisarmed() {
        Deadline deadline = deadlines.add(fired::incrementAndGet);
        deadline.armAt(1_050);
        deadline.armNoLaterThan(1_200);
        advance(50);
        assertThat(fired).as("the earlier instant was kept").hasValue(1);
        deadline.armNoLaterThan(1_200);
        advance(100);
        assertThat(fired).hasValue(1);
        advance(50);
        assertThat(fired).as("armed again once it had passed").hasValue(2);
    }

    @Test
    void aClosedDeadlineIsForgotten() {
        Deadline deadline = deadlines.add(fired::incrementAndGet);
        deadline.armIn(Duration.ofNanos(10));
        deadline.close();
        advance(100);
        assertThat(fired).hasValue(0);
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void everyRunsOncePerPeriodUntilClosed() {
        Deadline repeating = deadlines.every(Duration.ofNanos(100), fired::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            advance(100);
        }
        assertThat(fired).hasValue(5);
        repeating.close();
        advance(500);
        assertThat(fired).hasValue(5);
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        deadlines.add(() -> {
            throw new IllegalStateException("broken");
        }).armIn(Duration.ZERO);
        deadlines.add(fired::incrementAndGet).armIn(Duration.ZERO);
        deadlines.check();
        assertThat(fired).hasValue(1);
    }

    @Test
    void theCheckingThreadRunsActionsWithinATickAndStopsWhenClosed() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (Deadlines running = Deadlines.start("deadlines-test", Duration.ofMillis(10))) {
            long start = System.nanoTime();
            running.add(ran::countDown).armIn(Duration.ofMillis(50));
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        }
    }

    private void advance(long nanos) {
        clock.addAndGet(nanos);
        deadlines.check();
    }
}

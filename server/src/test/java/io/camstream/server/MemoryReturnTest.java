package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy on a heap and a clock of the test's: when a full collection is asked for, and when not. */
class MemoryReturnTest {

    private static final long MIB = 1 << 20;

    private long heap = 32 * MIB;
    private long now;
    private int collections;
    private long heapAfterCollection = 32 * MIB;

    private final MemoryReturn memory = new MemoryReturn(() -> heap, () -> {
        collections++;
        heap = heapAfterCollection;
    }, () -> now);

    @Test
    void aHeapNoMoreThanAQuarterAboveItsStartIsLeftAlone() {
        heap = 40 * MIB;
        for (int i = 0; i < 10; i++) {
            memory.check();
            now += MemoryReturn.PERIOD.toNanos();
        }
        assertThat(collections).isZero();
    }

    @Test
    void aHeapJustMoreThanAQuarterAboveItsStartIsCollected() {
        heap = 41 * MIB;
        memory.check();
        assertThat(collections).isEqualTo(1);
    }

    @Test
    void aHeapGrownByABurstIsCollectedOnceAndGivenBack() {
        heap = 190 * MIB;
        memory.check();
        assertThat(collections).isEqualTo(1);
        assertThat(heap).isEqualTo(32 * MIB);

        now += MemoryReturn.PERIOD.toNanos();
        memory.check();
        assertThat(collections).isEqualTo(1);
    }

    @Test
    void aNewBurstAfterAFruitfulCollectionIsCollectedAfterTheFirstWait() {
        heap = 190 * MIB;
        memory.check();
        heap = 150 * MIB;

        now += MemoryReturn.FIRST_WAIT.minusSeconds(1).toNanos();
        memory.check();
        assertThat(collections).isEqualTo(1);
        now += Duration.ofSeconds(1).toNanos();
        memory.check();
        assertThat(collections).isEqualTo(2);
    }

    @Test
    void aHeapTheLiveDataKeepsLargeIsLookedAtAfterDoublingWaitsUpToAnHour() {
        // 10 MiB of 190 freed: less than an eighth.
        heapAfterCollection = 180 * MIB;
        heap = 190 * MIB;
        long start = now;
        long[] at = new long[10];
        for (int n = 0; n < at.length; ) {
            int before = collections;
            memory.check();
            if (collections > before) {
                at[n++] = Duration.ofNanos(now - start).toSeconds();
            }
            now += MemoryReturn.PERIOD.toNanos();
        }
        assertThat(at).containsExactly(0, 20, 60, 140, 300, 620, 1260, 2540, 5100, 8700);
    }
}

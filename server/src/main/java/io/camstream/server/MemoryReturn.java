package io.camstream.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives back to the system the memory a burst grew (thousands of connections, header floods, viewers reconnecting at
 * once) once the burst is over. The launcher's SerialGC keeps camstream's steady CPU and footprint lowest, but it
 * shrinks its heap only at a full collection, and it runs none while it can still grow the old generation: the
 * connections of a burst are promoted there, and when they close they stay, dead, until the heap is collected whole;
 * each new burst grew it again. G1, which shrinks by itself, cost about a tenth more CPU per frame and 10 MiB more at
 * 300 viewers (docs/RELIABILITY.md). So every {@link #PERIOD}, while the committed heap is more than a quarter above
 * its size at start, this asks for one full collection (SerialGC then gives back at once what is free beyond the
 * launcher's {@code -XX:MaxHeapFreeRatio}, with its {@code -XX:-ShrinkHeapInSteps}). A heap the live data keeps
 * large is looked at again after a doubling wait, up to an hour, so that many viewers cost at most one short pause
 * now and then.
 * <p>
 * It asks the runtime alone: the platform MBean server, which would tell the committed heap or trim the C library's
 * heap, costs about 20 MiB of resident memory the first time it is used, more than a collection gives back. The
 * launcher has Java 22 and later trim that heap every few seconds instead.
 */
final class MemoryReturn implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(MemoryReturn.class.getName());

    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration FIRST_WAIT = Duration.ofSeconds(10);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final LongSupplier committedHeap;
    private final Runnable collect;
    private final LongSupplier nanoTime;
    private final long floor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private long wait = FIRST_WAIT.toNanos();
    private long nextAllowed;

    MemoryReturn(LongSupplier committedHeap, Runnable collect, LongSupplier nanoTime) {
        this.committedHeap = committedHeap;
        this.collect = collect;
        this.nanoTime = nanoTime;
        long start = committedHeap.getAsLong();
        this.floor = start + start / 4;
        this.nextAllowed = nanoTime.getAsLong();
    }

    /**
     * Starts looking at this JVM's heap every {@link #PERIOD}.
     *
     * @return the running check; close it to stop
     */
    static MemoryReturn start() {
        Runtime runtime = Runtime.getRuntime();
        MemoryReturn memory = new MemoryReturn(runtime::totalMemory, System::gc, System::nanoTime);
        Thread.ofPlatform().name("memory-return").daemon().start(memory::run);
        return memory;
    }

    /** One look: collects when the heap is grown and the wait since the last collection that freed little is up. */
    void check() {
        long before = committedHeap.getAsLong();
        long now = nanoTime.getAsLong();
        if (before <= floor || now - nextAllowed < 0) {
            return;
        }
        collect.run();
        long after = committedHeap.getAsLong();
        boolean freedMuch = before - after >= before / 8;
        wait = freedMuch ? FIRST_WAIT.toNanos() : Math.min(2 * wait, LONGEST_WAIT.toNanos());
        nextAllowed = now + wait;
        LOGGER.log(System.Logger.Level.DEBUG, "Heap {0} MiB after a full collection, from {1} MiB",
                after >> 20, before >> 20);
    }

    @Override
    public void close() {
        closed.countDown();
    }

    private void run() {
        try {
            while (!closed.await(PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

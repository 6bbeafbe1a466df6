package io.camstream.server;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives back to the system the memory a burst grew (thousands of connections, header floods) once the burst is
 * over. The launcher's SerialGC keeps camstream's steady CPU and footprint lowest, but it shrinks its heap only at
 * a full collection, which nothing starts while the old generation has room; G1, which shrinks by itself, cost about
 * a tenth more CPU per frame and 10 MiB more at 300 viewers (docs/RELIABILITY.md). So every half minute, while the
 * committed heap is more than twice its size at start, this asks for one full collection (SerialGC then gives back
 * all it can at once, with the launcher's {@code -XX:-ShrinkHeapInSteps}) and for the C library to return the
 * native memory freed meanwhile. A heap the live data keeps large is looked at again after a doubling wait, up to an
 * hour, so that many viewers cost at most one short pause now and then.
 */
final class MemoryReturn implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(MemoryReturn.class.getName());

    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Duration FIRST_WAIT = Duration.ofMinutes(1);
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
        this.floor = 2 * committedHeap.getAsLong();
        this.nextAllowed = nanoTime.getAsLong();
    }

    /**
     * Starts looking at this JVM's heap every {@link #PERIOD}.
     *
     * @return the running check; close it to stop
     */
    static MemoryReturn start() {
        MemoryReturn memory = new MemoryReturn(
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted(),
                MemoryReturn::collectAndTrim, System::nanoTime);
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
        boolean freedMuch = before - after >= before / 4;
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

    private static void collectAndTrim() {
        System.gc();
        try {
            // jcmd System.trim_native_heap: malloc_trim(), where the C library has it.
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[0], new String[0]);
        } catch (Exception | LinkageError e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Native memory not trimmed: " + e);
        }
    }
}

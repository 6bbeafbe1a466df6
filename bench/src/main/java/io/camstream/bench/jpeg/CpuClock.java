package io.camstream.bench.jpeg;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The CPU time the current thread has used, which a shared machine's other load does not inflate. */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    static long thread() {
        return THREADS.getCurrentThreadCpuTime();
    }
}

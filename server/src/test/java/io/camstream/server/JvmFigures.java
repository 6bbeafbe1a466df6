package io.camstream.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this JVM holds: live threads ({@code ThreadMXBean}, platform threads; virtual ones end with their
 * connection), open file descriptors ({@code /proc/self/fd}) and heap used after {@code System.gc()}.
 *
 * @param threads     live threads
 * @param descriptors open file descriptors
 * @param heap        bytes of heap used after collecting
 */
record JvmFigures(int threads, int descriptors, long heap) {

    static JvmFigures now() throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return new JvmFigures(ManagementFactory.getThreadMXBean().getThreadCount(), (int) fds.count(), heap);
        }
    }

    /** Connections finish closing just after their handlers return: gives the counts a few seconds to settle. */
    static JvmFigures settled(JvmFigures before) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JvmFigures now = now();
        while (System.nanoTime() < deadline && (now.threads > before.threads || now.descriptors > before.descriptors)) {
            Thread.sleep(100);
            now = now();
        }
        return now;
    }

    String change(JvmFigures after) {
        return "threads %d -> %d, file descriptors %d -> %d, heap after GC %.1f -> %.1f MiB".formatted(threads,
                after.threads, descriptors, after.descriptors, heap / 1048576.0, after.heap / 1048576.0);
    }
}

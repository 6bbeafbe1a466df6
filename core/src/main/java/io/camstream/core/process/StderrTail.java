package io.camstream.core.process;

import io.camstream.core.text.Printable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a child's stderr as long as it writes, so the child never blocks on a full pipe: every line goes to the
 * log at DEBUG, and the last few are kept to explain why the child ended. Lines are cut at a sane length, so a
 * child that writes without newlines cannot fill the memory.
 */
final class StderrTail {

    private static final System.Logger LOGGER = System.getLogger(StderrTail.class.getName());
    private static final int MAX_LINE_BYTES = 1000;

    private final String source;
    private final int keep;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<String> last;
    private final CountDownLatch ended = new CountDownLatch(1);

    /**
     * Creates the tail.
     *
     * @param source the camera and program, prefixed to logged lines
     * @param keep   how many of the last lines to keep
     */
    StderrTail(String source, int keep) {
        this.source = source;
        this.keep = keep;
        this.last = new ArrayDeque<>(keep);
    }

    /** Starts draining the stream on a virtual thread; it ends with the stream. */
    void drain(InputStream stderr, String threadName) {
        Thread.ofVirtual().name(threadName).start(() -> readLines(stderr));
    }

    /** The last line written, if any. */
    Optional<String> lastLine() {
        lock.lock();
        try {
            return Optional.ofNullable(last.peekLast());
        } finally {
            lock.unlock();
        }
    }

    /** The last lines written, oldest first. */
    List<String> lines() {
        lock.lock();
        try {
            return List.copyOf(last);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the stream has ended (the child and everything holding its stderr are gone). */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void readLines(InputStream stderr) {
        byte[] chunk = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (stderr) {
            for (int count = stderr.read(chunk); count >= 0; count = stderr.read(chunk)) {
                for (int i = 0; i < count; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        add(line);
                    } else if (line.size() < MAX_LINE_BYTES) {
                        line.write(b);
                    }
                }
            }
            if (line.size() > 0) {
                add(line);
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "stderr of " + source + " closed: " + e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    private void add(ByteArrayOutputStream bytes) {
        // a program's own words, shown in logs, the API and NO SIGNAL pictures: no terminal escapes get through
        String line = Printable.escape(bytes.toString(StandardCharsets.UTF_8).strip());
        bytes.reset();
        if (line.isEmpty()) {
            return;
        }
        LOGGER.log(System.Logger.Level.DEBUG, "{0}: {1}", source, line);
        lock.lock();
        try {
            if (last.size() == keep) {
                last.removeFirst();
            }
            last.addLast(line);
        } finally {
            lock.unlock();
        }
    }
}

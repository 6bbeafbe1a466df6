package io.camstream.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once, each taking the next of a number of tasks until all are done. */
final class Clients {

    /** One task; an {@link IOException} means the server closed first, which is one of the ways a connection ends. */
    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    private Clients() {
    }

    /** Runs tasks 0 to count - 1 on the given number of virtual threads; fails on any failure but an I/O one. */
    static void run(int clients, int count, Task task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                    } catch (IOException e) {
                        // the server closed first
                    } catch (Exception | AssertionError e) {
                        failure.set(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
    }
}

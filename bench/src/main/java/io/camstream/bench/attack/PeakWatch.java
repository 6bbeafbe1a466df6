package io.camstream.bench.attack;

import java.io.IOException;
import java.time.Duration;

/**
 * Reads a server's figures every tenth of a second while an attack runs, and keeps the highest of each.
 */
final class PeakWatch implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofMillis(100);

    private final Camstream server;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Camstream.Figures peak;

    PeakWatch(Camstream server, Camstream.Figures start) {
        this.server = server;
        this.peak = start;
        this.thread = Thread.ofPlatform().daemon().name("peak-watch").start(this::run);
    }

    /** @return the highest figures seen so far */
    Camstream.Figures peak() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
    }

    private void run() {
        while (!stopping) {
            try {
                peak = peak.max(server.figures());
                Thread.sleep(PERIOD);
            } catch (IOException e) {
                return; // the process has gone: the suite says so
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

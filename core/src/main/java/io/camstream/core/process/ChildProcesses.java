package io.camstream.core.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The child processes camstream runs, kept so that none outlives it.
 * <p>
 * A process is stopped with SIGINT first: capture tools (rpicam-vid, ffmpeg) exit cleanly on it, while
 * {@link Process#destroy()} sends SIGTERM, which rpicam-vid does not handle. What is still there after the grace
 * period is killed, and so are its descendants (a wrapper script's children would otherwise be orphaned, and would
 * keep the output pipe open). Where {@link ProcessGroups} are available, both signals go to the process's whole
 * group, and stopping waits until the group is empty. A single JVM shutdown hook does the same for every process
 * still running when the JVM exits; this set is static because that hook is JVM-wide.
 */
final class ChildProcesses {

    private static final System.Logger LOGGER = System.getLogger(ChildProcesses.class.getName());
    /** How long a process has to end on SIGINT before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration REAP_WAIT = Duration.ofSeconds(5);
    private static final ChildProcesses INSTANCE = new ChildProcesses();

    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Process> running = new HashSet<>();
    private boolean exiting;

    private ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(
                Thread.ofPlatform().name("camstream-child-processes").unstarted(this::stopAllOnExit));
    }

    static ChildProcesses instance() {
        return INSTANCE;
    }

    /**
     * Starts a process, as the leader of a group of its own where there are groups, and keeps it until
     * {@link #stop(Process)}.
     *
     * @throws IOException when it cannot be started, or the JVM is exiting
     */
    Process start(ProcessBuilder builder) throws IOException {
        lock.lock();
        try {
            if (exiting) {
                throw new IOException("not started: camstream is shutting down");
            }
            Process process = builder.command(ProcessGroups.leading(builder.command())).start();
            running.add(process);
            // one that ends on its own and is never stopped (a hook) is not kept
            process.onExit().thenRun(() -> forget(process));
            return process;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends a process: SIGINT, then after the grace period a kill of it and its descendants; waits until it is gone.
     * Works when the calling thread is interrupted, and on a process that has already ended.
     */
    void stop(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            boolean grouped = ProcessGroups.available();
            long group = process.pid();
            Set<ProcessHandle> family = descendants(process);
            if (process.isAlive()) {
                interrupt(process, grouped);
                if (!await(process, GRACE)) {
                    family.addAll(descendants(process));
                    process.destroyForcibly();
                }
            }
            family.forEach(ProcessHandle::destroyForcibly);
            // what is left of the group, such as a child forked as its parent died, goes too
            if (grouped && ProcessGroups.running(group)) {
                ProcessGroups.kill("KILL", -group);
                if (!ProcessGroups.awaitGone(group, REAP_WAIT)) {
                    LOGGER.log(System.Logger.Level.WARNING, "Processes of group {0} did not end after SIGKILL",
                            String.valueOf(group));
                }
            }
            if (!await(process, REAP_WAIT)) {
                LOGGER.log(System.Logger.Level.WARNING, "Process {0} ({1}) did not end after SIGKILL",
                        String.valueOf(process.pid()), process.info().command().orElse("?"));
            }
            // a script's subshells outlive it by a moment after their SIGKILL; "gone" means they are gone too
            awaitAll(family, REAP_WAIT);
        } finally {
            forget(process);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopAllOnExit() {
        List<Process> left;
        lock.lock();
        try {
            exiting = true;
            left = new ArrayList<>(running);
        } finally {
            lock.unlock();
        }
        left.stream()
                .map(process -> Thread.ofPlatform().start(() -> stop(process)))
                .toList()
                .forEach(ChildProcesses::join);
    }

    private void forget(Process process) {
        lock.lock();
        try {
            running.remove(process);
        } finally {
            lock.unlock();
        }
    }

    private static Set<ProcessHandle> descendants(Process process) {
        return process.descendants().collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * Sends SIGINT to the process's group, or to the process alone where there are no groups or it does not lead
     * one yet (stopped the moment it started); falls back to SIGTERM.
     */
    private static void interrupt(Process process, boolean grouped) {
        if (grouped && ProcessGroups.kill("INT", -process.pid())) {
            return;
        }
        if (!ProcessGroups.kill("INT", process.pid())) {
            LOGGER.log(System.Logger.Level.DEBUG, "kill -INT failed, sending SIGTERM");
            process.destroy();
        }
    }

    /** Waits for a process to end, ignoring interrupts (the caller's flag is restored by {@link #stop}). */
    private static void awaitAll(Set<ProcessHandle> family, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle member : family) {
            while (member.isAlive() && System.nanoTime() < deadline) {
                try {
                    member.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    // keep waiting: stopping must finish
                } catch (ExecutionException | TimeoutException e) {
                    break;
                }
            }
        }
    }

    /** Waits for a process to end, ignoring interrupts (the caller restores the flag). */
    static boolean await(Process process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // keep waiting: stopping must finish
            }
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.camstream.core.process;

import java.io.IOException;

/**
 * A program camstream runs. It leads a process group of its own where there are {@link ProcessGroups}, and camstream
 * stops it, with everything it started, when it is closed or when the JVM exits: see {@link ChildProcesses}.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;

    private ChildProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the program.
     *
     * @param builder the command, its directory and its redirections
     * @return the running program
     * @throws IOException when it cannot be started, or camstream is shutting down
     */
    public static ChildProcess start(ProcessBuilder builder) throws IOException {
        return new ChildProcess(ChildProcesses.instance().start(builder));
    }

    /**
     * The process, for its streams, its exit and its pid.
     *
     * @return the process
     */
    public Process process() {
        return process;
    }

    /**
     * Stops it (SIGINT, then a kill after {@link ChildProcesses#GRACE}) with everything it started, and waits until
     * they are gone; if it has ended already, stops what it left running. Works on an interrupted thread, and again.
     */
    @Override
    public void close() {
        ChildProcesses.instance().stop(process);
    }
}

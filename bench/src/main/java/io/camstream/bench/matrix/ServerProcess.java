package io.camstream.bench.matrix;

import io.camstream.bench.report.ProcessProbe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started for one run, its output in a log file; closing stops it (SIGTERM, then SIGKILL after 10 s).
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final long startNanos;

    private ServerProcess(Process process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
    }

    /**
     * Starts a server.
     *
     * @param command     the command line
     * @param environment added to this process's environment
     * @param log         where its output goes
     * @return the running server
     * @throws IOException when it cannot be started
     */
    public static ServerProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        // camstream's launcher takes the first Java 21+ it finds; make it this one, as the reference uses.
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        long start = System.nanoTime();
        return new ServerProcess(builder.start(), start);
    }

    /** @return the process's id */
    public long pid() {
        return process.pid();
    }

    /** @return the {@link System#nanoTime()} just before the process was started */
    public long startNanos() {
        return startNanos;
    }

    /** The command line the process runs, as the kernel has it: what a launcher script finally executed. */
    String commandLine() {
        try {
            return ProcessProbe.commandLine(process.pid());
        } catch (IOException e) {
            return process.info().commandLine().orElse("?");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

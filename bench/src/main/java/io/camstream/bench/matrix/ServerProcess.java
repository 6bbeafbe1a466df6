package io.camstream.bench.matrix;

import io.camstream.bench.report.ProcessProbe;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
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

    /**
     * Starts the bare reference server in a JVM of its own (this one's Java and class path), playing a folder's
     * JPEGs in a loop on 127.0.0.1.
     *
     * @param frames the folder
     * @param fps    its frame rate
     * @param port   its port, which must be free
     * @param log    the file its output is appended to
     * @return the running server
     * @throws IOException when the port is in use, or it cannot be started
     */
    public static ServerProcess reference(Path frames, int fps, int port, Path log) throws IOException {
        requireFree(port);
        return start(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "io.camstream.bench.Main", "reference",
                "--folder", frames.toString(), "--fps", Integer.toString(fps),
                "--port", Integer.toString(port), "--host", "127.0.0.1"), Map.of(), log);
    }

    /**
     * Another server on the port would answer in its place, and be measured without a word.
     *
     * @param port a port on 127.0.0.1
     * @throws IOException when something listens there
     */
    public static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use; stop what listens there or choose"
                    + " another with --port / --reference-port", e);
        }
    }

    /** @return the process's id */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
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

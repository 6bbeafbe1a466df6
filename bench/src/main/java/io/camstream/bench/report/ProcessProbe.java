package io.camstream.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a Linux process's CPU time, resident memory and thread count from {@code /proc/PID/stat} and
 * {@code /proc/PID/status}.
 */
public final class ProcessProbe {

    private static final long DEFAULT_TICKS_PER_SECOND = 100;

    private final long pid;
    private final long ticksPerSecond;
    private final Path stat;
    private final Path status;

    private ProcessProbe(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
        this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    /**
     * A probe for a running process.
     *
     * @param pid the process id
     * @return the probe
     * @throws IllegalArgumentException when there is no such process here
     */
    public static ProcessProbe of(long pid) {
        if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"))) {
            throw new IllegalArgumentException("--pid " + pid + ": no such process (no /proc/" + pid + "/stat)");
        }
        return new ProcessProbe(pid, ticksPerSecond());
    }

    public long pid() {
        return pid;
    }

    /**
     * The command line a process runs, as the kernel has it: what a launcher script finally executed.
     *
     * @param pid the process id
     * @return the arguments, separated by spaces
     * @throws IOException when there is no such process
     */
    public static String commandLine(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
    }

    /**
     * Reads the counters now.
     *
     * @throws IOException when the process has gone
     */
    public ProcessSample sample() throws IOException {
        long cpuTicks = cpuTicks(Files.readString(stat));
        return new ProcessSample(cpuTicks, statusValue("VmRSS:"), (int) statusValue("Threads:"));
    }

    /**
     * The CPU time of the process's threads that have a name, as the kernel has it (at most 15 characters).
     *
     * @param name the threads' name
     * @return CPU seconds those threads have used, 0 when there is none
     * @throws IOException when the process has gone
     */
    public double threadCpuSeconds(String name) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).trim().equals(name)) {
                        ticks += cpuTicks(Files.readString(task.resolve("stat")));
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return (double) ticks / ticksPerSecond;
    }

    /**
     * @return CPU seconds between two samples
     */
    public double cpuSeconds(ProcessSample from, ProcessSample to) {
        return (double) (to.cpuTicks() - from.cpuTicks()) / ticksPerSecond;
    }

    /** Fields 14 and 15 (utime, stime), counted after the command name, which may hold spaces. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long statusValue(String key) throws IOException {
        List<String> lines = Files.readAllLines(status);
        for (String line : lines) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(status + " has no " + key + " line");
    }

    /** The kernel's USER_HZ, which the JDK does not expose; 100 on every common Linux build. */
    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_TICKS_PER_SECOND;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_TICKS_PER_SECOND;
    }
}

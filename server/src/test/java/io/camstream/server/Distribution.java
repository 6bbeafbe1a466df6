package io.camstream.server;

import io.camstream.bench.report.ProcessProbe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged installation (server/target/camstream), run through its launcher as a user would. */
final class Distribution {

    private static final Pattern LISTENING = Pattern.compile(" at https?://[^ ]+:(\\d+)/");

    private Distribution() {
    }

    static Path home() {
        String dir = System.getProperty("camstream.distribution");
        if (dir == null) {
            throw new IllegalStateException("run through 'mvnw verify': the distribution is built by 'package'");
        }
        return Path.of(dir);
    }

    static Path launcher() {
        return home().resolve("bin/camstream");
    }

    static Path simDriverJar() throws IOException {
        try (var files = Files.list(home().resolve("drivers"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("camstream-driver-sim"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sim driver jar in the distribution"));
        }
    }

    /** A launched camstream: its output is collected as it comes. */
    static final class Launched implements AutoCloseable {

        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Launched(Process process) {
            this.process = process;
            Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        int awaitPort() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("camstream exited with " + process.exitValue() + ": " + output());
                }
                Thread.sleep(50);
            }
            throw new AssertionError("camstream did not start within 30 s: " + output());
        }

        /** Sends a signal by its name ({@code HUP}), as a terminal or a service manager would. */
        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " failed");
            }
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("camstream still runs after 30 s: " + output());
            }
            Thread.sleep(100); // let the reader take the last lines
            return process.exitValue();
        }

        /**
         * Sends SIGTERM and keeps reading the output. {@code Process.destroy()} also closes the output pipe, so
         * what the JVM writes while it exits (and any process it starts then) would write into a closed pipe.
         */
        void terminate() {
            process.toHandle().destroy();
        }

        /** @return the command line the launcher finally executed, as the kernel has it */
        String commandLine() throws IOException {
            return ProcessProbe.commandLine(process.pid());
        }

        String output() {
            return String.join("\n", lines);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /**
     * Launches without a startup cache: a first run records one when it exits, which takes seconds, and runs of
     * the same installation would share it; {@link #launch(Path, Path, String...)} gives one.
     */
    static Launched launch(Path config, String... extraArgs) throws IOException {
        return launch(Path.of("/dev/null"), config, extraArgs);
    }

    /** Launches with {@code XDG_CACHE_HOME} set to the given folder, where the launcher keeps its startup cache. */
    static Launched launch(Path cacheHome, Path config, String... extraArgs) throws IOException {
        return launch(cacheHome, List.of(), config, extraArgs);
    }

    /**
     * Launches without a startup cache, with at most the given number of open files, as {@code LimitNOFILE=} of a
     * systemd unit would set it (through {@code prlimit}, which then runs the launcher in its place).
     */
    static Launched launchWithDescriptorLimit(int descriptors, Path config) throws IOException {
        return launch(Path.of("/dev/null"), List.of(Tools.path("prlimit"), "--nofile=" + descriptors + ":"
                + descriptors), config);
    }

    private static Launched launch(Path cacheHome, List<String> wrapper, Path config, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(launcher().toString(), "--config", config.toString()));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME"); // the launcher must find a Java 21+ by itself
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        return new Launched(builder.start());
    }
}

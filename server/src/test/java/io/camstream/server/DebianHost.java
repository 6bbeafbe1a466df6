package io.camstream.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * This machine's package system, for a test that installs a package system-wide as root. The machine is also a
 * developer's: one such test runs at a time (a lock), and what a run changes is written down before it changes it
 * (a ledger), undone when the run ends, and undone by the next run if this one was killed half-way.
 */
final class DebianHost implements AutoCloseable {

    /** The result of a command: its exit status and its output and errors together. */
    record Result(int exit, String output) {

        Result requireSuccess(String what) {
            if (exit != 0) {
                throw new AssertionError(what + " exited with " + exit + ":\n" + output);
            }
            return this;
        }
    }

    private static final Path LOCK = Path.of("/run/lock/camstream-deb-test.lock");
    /** Exists while a run has changed the machine: the places, the user it made, the packages, in that order. */
    private static final Path LEDGER = Path.of("/var/tmp/camstream-deb-test.ledger");
    private static final Duration DPKG_LOCK_WAIT = Duration.ofSeconds(120);

    private final FileChannel lockFile;
    private final FileLock lock;

    private DebianHost(FileChannel lockFile, FileLock lock) {
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** Waits for any other run to end, then undoes what a killed run left behind. */
    static DebianHost acquire() throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        DebianHost host = new DebianHost(channel, channel.lock());
        host.undo();
        return host;
    }

    /**
     * Notes, before it happens, that this run installs the packages, makes the user unless it exists already, and
     * may leave files in the places (should a package's purge leave them).
     */
    void willInstall(List<String> packages, String user, List<Path> places) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        places.forEach(place -> lines.add("path " + place));
        if (!userExists(user)) {
            lines.add("user " + user);
        }
        lines.addAll(packages);
        Files.write(LEDGER, lines);
    }

    /**
     * Purges the packages the ledger names, last installed first, deletes the user if this run made it, and what is
     * left in the places.
     */
    void undo() throws IOException, InterruptedException {
        if (!Files.exists(LEDGER)) {
            return;
        }
        for (String line : Files.readAllLines(LEDGER).reversed()) {
            if (line.startsWith("path ")) {
                run("rm", "-rf", line.substring("path ".length())).requireSuccess("rm -rf");
            } else if (line.startsWith("user ")) {
                deleteUser(line.substring("user ".length()));
            } else if (!packageStatus(line).isEmpty()) {
                dpkg("--purge", line).requireSuccess("dpkg --purge " + line);
            }
        }
        Files.delete(LEDGER);
    }

    private static void deleteUser(String user) throws IOException, InterruptedException {
        // a startup cache still being built in the background ends by itself within seconds
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run("pgrep", "-u", user).exit() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (userExists(user)) {
            run("userdel", user).requireSuccess("userdel " + user);
        }
        if (run("getent", "group", user).exit() == 0) {
            run("groupdel", user).requireSuccess("groupdel " + user);
        }
    }

    /**
     * Runs dpkg, waiting while apt or another dpkg holds the package database (other work on this machine). Files
     * are not synced to disk one by one ({@code --force-unsafe-io}): a test's packages need not survive a power cut.
     */
    static Result dpkg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("dpkg", "--force-unsafe-io"));
        command.addAll(List.of(args));
        long deadline = System.nanoTime() + DPKG_LOCK_WAIT.toNanos();
        while (true) {
            Result result = run(command.toArray(String[]::new));
            boolean locked = result.exit() != 0 && result.output().contains("lock");
            if (!locked || System.nanoTime() > deadline) {
                return result;
            }
            Thread.sleep(1000);
        }
    }

    /** @return dpkg's status of the package ({@code installed}, {@code config-files}, ...), empty if unknown */
    static String packageStatus(String name) throws IOException, InterruptedException {
        Result result = run("dpkg-query", "--show", "--showformat=${db:Status-Status}", name);
        return result.exit() == 0 ? result.output().trim() : "";
    }

    static boolean userExists(String name) throws IOException, InterruptedException {
        return run("getent", "passwd", name).exit() == 0;
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            undo();
        } finally {
            lock.release();
            lockFile.close();
        }
    }
}

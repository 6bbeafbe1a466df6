package io.camstream.core.process;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Process groups for the children camstream runs, on Linux: each child is started under setsid(1), so that it leads
 * a group of its own and everything it forks joins that group. Signalling the group reaches a process forked a moment
 * before its parent died, which a snapshot of the parent's descendants misses (the orphan is re-parented and no
 * longer a descendant), and which would otherwise outlive camstream holding the camera or a file open.
 * <p>
 * Where setsid(1) or /proc is missing, {@link #available()} is false and children run in camstream's own group.
 */
final class ProcessGroups {

    private static final System.Logger LOGGER = System.getLogger(ProcessGroups.class.getName());
    private static final Path PROC = Path.of("/proc");
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Optional<Path> SETSID = locateSetsid();

    private ProcessGroups() {
    }

    static boolean available() {
        return SETSID.isPresent();
    }

    /**
     * The command that runs {@code command} as the leader of a new group. setsid(1) execs the program in its own
     * process (it forks only when it already leads a group, which a JVM's child never does), so the child's pid is
     * the program's pid and the group's id.
     */
    static List<String> leading(List<String> command) {
        if (SETSID.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Sends a signal with kill(1), which Java has no call for.
     *
     * @param signal the signal's name, {@code INT} or {@code KILL}
     * @param target a pid, or minus a group's id for the whole group
     * @return whether kill(1) reported it sent
     */
    static boolean kill(String signal, long target) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", Long.toString(target))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return ChildProcesses.await(kill, Duration.ofSeconds(1)) && kill.exitValue() == 0;
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "kill -" + signal + " " + target + " failed", e);
            return false;
        }
    }

    /** Whether any process of the group is still running (a zombie, which runs nothing, does not count). */
    static boolean running(long group) {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.anyMatch(entry -> inGroup(entry, group));
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits, ignoring interrupts as stopping must finish, until no process of the group runs. */
    static boolean awaitGone(long group, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(group)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                // keep waiting; the caller restores the flag
            }
        }
        return true;
    }

    /** Reads /proc/PID/stat: "pid (comm) state ppid pgrp ...", where comm may hold spaces and parentheses. */
    private static boolean inGroup(Path entry, long group) {
        String name = entry.getFileName().toString();
        if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String stat;
        try {
            stat = Files.readString(entry.resolve("stat"));
        } catch (IOException e) {
            return false; // it ended while the list was read
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
        return fields.length >= 3 && !fields[0].equals("Z") && fields[2].equals(Long.toString(group));
    }

    private static Optional<Path> locateSetsid() {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProgramLookup.locate("setsid", System.getenv("PATH"), ""));
        } catch (FileNotFoundException e) {
            LOGGER.log(System.Logger.Level.INFO, "setsid(1) is not on PATH: a camera command's children are"
                    + " stopped with it only while it runs (install util-linux to stop them always)");
            return Optional.empty();
        }
    }
}

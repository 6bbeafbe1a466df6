package io.camstream.server;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Outside programs the tests use as judges, and what else a test needs of the machine. Where CI is set, a missing
 * program fails the test (CI installs them); elsewhere the test is skipped with a message saying how to get it.
 */
final class Tools {

    private Tools() {
    }

    static void require(String program) {
        require(find(program).isPresent(),
                program + " is not installed: 'apt-get install " + program + "' (.ci/run does this)");
    }

    /** Skips the test with the message when the condition does not hold, or fails it where CI is set. */
    static void require(boolean met, String message) {
        if (!met && System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(met, message);
    }

    /** The program's path; daemons such as nginx live in sbin, which is not on every user's PATH. */
    static String path(String program) {
        return find(program).orElseThrow(() -> new IllegalStateException(program + " is not installed"));
    }

    private static Optional<String> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin"));
        return dirs.stream()
                .map(dir -> new File(dir, program))
                .filter(File::canExecute)
                .map(File::getPath)
                .findFirst();
    }
}

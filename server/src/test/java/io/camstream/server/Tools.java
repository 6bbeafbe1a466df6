package io.camstream.server;

import java.io.File;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Outside programs the tests use as judges. Where CI is set, a missing program fails the test (CI installs them);
 * elsewhere the test is skipped with a message saying how to get it.
 */
final class Tools {

    private Tools() {
    }

    static void require(String program) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> new File(dir, program).canExecute());
        String message = program + " is not installed: 'apt-get install " + program + "' (.ci/run does this)";
        if (!found && System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(found, message);
    }
}

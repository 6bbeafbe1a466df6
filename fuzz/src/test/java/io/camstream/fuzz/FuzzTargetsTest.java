package io.camstream.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Fuzzes every {@code @FuzzTest} of this module for {@code camstream.fuzz.duration} each. Jazzer fuzzes one target
 * per JVM, and Maven itself may run on a Java too old to load our classes (which rules out Surefire's fork per
 * class), so each target runs in a JVM of its own started here, {@code camstream.fuzz.jobs} at a time. The same
 * fuzz tests also run in this JVM as plain tests, replaying their committed inputs.
 */
class FuzzTargetsTest {

    private static final System.Logger LOG = System.getLogger(FuzzTargetsTest.class.getName());

    private static final String DURATION = System.getProperty("camstream.fuzz.duration", "3s");
    private static final Path LOGS = Path.of("target", "fuzz");

    private static final ExecutorService RUNS =
            Executors.newFixedThreadPool(Integer.getInteger("camstream.fuzz.jobs", 2));

    @AfterAll
    static void stopRuns() {
        RUNS.shutdownNow();
    }

    @TestFactory
    Stream<DynamicTest> everyTargetSurvivesFuzzing() {
        List<FuzzTarget> targets = FuzzTarget.discover(
                Pattern.compile(System.getProperty("camstream.fuzz.targets", ".*")));
        assertThat(targets).as("fuzz tests found by JUnit under io.camstream").isNotEmpty();
        List<Future<FuzzRun>> runs = targets.stream()
                .map(target -> RUNS.submit(() -> FuzzRun.of(target, DURATION, LOGS)))
                .toList();
        return IntStream.range(0, targets.size())
                .mapToObj(i -> dynamicTest(targets.get(i).name(), () -> assertClean(runs.get(i).get())));
    }

    private static void assertClean(FuzzRun run) throws IOException {
        String name = run.target().name();
        assertThat(run.exitCode()).as("%s found a crash or hang:%n%s", name, run.report()).isZero();
        assertThat(run.executions()).as("inputs run by %s; log %s", name, run.log()).isPositive();
        LOG.log(System.Logger.Level.INFO, "{0}: {1} inputs in {2}, nothing found", name, run.executions(), DURATION);
    }
}

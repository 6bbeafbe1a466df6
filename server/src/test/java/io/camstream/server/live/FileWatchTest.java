package io.camstream.server.live;

import io.camstream.server.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class FileWatchTest {

    @Test
    void aFailureOfEveryLookIsLoggedOnceWithoutAStackTraceAndAgainOnlyAfterALookWithoutIt() throws Exception {
        AtomicInteger looks = new AtomicInteger();
        // fails 5 times, passes once, fails again, as a directory unreadable while the process is out of descriptors
        FileWatch.Check check = () -> {
            int look = looks.incrementAndGet();
            if (look != 6) {
                throw new IllegalStateException("Cannot list the drivers directory /x: Too many open files");
            }
            return true;
        };
        List<String> warnings;
        try (LogCapture logs = new LogCapture(); FileWatch watch = new FileWatch(Duration.ofMillis(20),
                Duration.ofMillis(20))) {
            watch.watch(Set::of, check);
            watch.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (looks.get() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            warnings = logs.messages(Level.WARNING);
        }

        assertThat(looks.get()).isGreaterThanOrEqualTo(10);
        assertThat(warnings).as("one line for the first five failures, one for those after the look that passed")
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("Looking at watched files failed: Cannot list the "
                        + "drivers directory /x: Too many open files").doesNotContain("\tat ")
                        .doesNotContain("Exception"));
    }
}

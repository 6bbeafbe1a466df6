package io.camstream.server;

import io.camstream.bench.Args;
import io.camstream.bench.attack.AttackOptions;
import io.camstream.bench.attack.AttackResult;
import io.camstream.bench.attack.AttackSuite;
import io.camstream.bench.attack.SuiteResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack suite ({@code camstream-bench attack --short}) against the packaged distribution: every attack, while
 * logged-in viewers watch, must leave their frame rate, the server's descriptors, threads, memory, listener and log as
 * its checks require. The figures of the long mode are in docs/RELIABILITY.md.
 */
class AttackSuiteIT {

    @TempDir
    Path dir;

    @BeforeEach
    void prlimit() {
        Tools.require("prlimit");
    }

    @Test
    void everyAttackOfTheShortModeLeavesTheViewersAndTheServerAsItsChecksRequire() throws Exception {
        AttackOptions options = AttackOptions.from(Args.parse(List.of("--short",
                "--camstream", Distribution.home().toString(),
                "--work", dir.toString()), AttackOptions.FLAGS));

        SuiteResult result = new AttackSuite(options).run();

        System.out.print(result.markdown());
        assertThat(result.attacks()).extracting(AttackResult::name).containsExactly("idle", "trickle",
                "huge-headers", "expect", "aborted", "guessing", "tls", "descriptors");
        assertThat(result.failures()).as("checks that failed").isEmpty();
    }
}

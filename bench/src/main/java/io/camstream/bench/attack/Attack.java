package io.camstream.bench.attack;

import java.time.Duration;
import java.util.List;

/**
 * One attack of the suite. The suite runs it while normal viewers watch, and checks around it what every attack must
 * leave alone (their frame rate, the server's descriptors, threads and memory, its listener, its log); the attack
 * adds the checks of its own kind.
 */
interface Attack {

    /**
     * What the report and the command line call an attack.
     *
     * @param name  its short name, for {@code --only}
     * @param title its heading in the report
     * @param kind  the server it attacks
     * @param how   what it does, in a sentence, with its numbers
     */
    record About(String name, String title, Target.Kind kind, String how) {
    }

    /** @return its names, its server and what it does */
    About about();

    /**
     * @param target the server attacked
     * @return how many descriptors more than before it may cost the server at its peak
     */
    int descriptorBudget(Target target);

    /**
     * @param target the server attacked
     * @return how many MiB of resident memory more than before it may cost the server at its peak
     */
    default long memoryBudgetMiB(Target target) {
        return 128;
    }

    /** @return the longest a normal viewer may wait for a frame while it runs */
    default Duration longestGap() {
        return Duration.ofSeconds(1);
    }

    /**
     * Attacks, and stops: when it returns, its clients are gone.
     *
     * @param target the server
     * @return the checks of its own kind
     * @throws Exception when the attack itself cannot be carried out
     */
    List<Check> run(Target target) throws Exception;
}

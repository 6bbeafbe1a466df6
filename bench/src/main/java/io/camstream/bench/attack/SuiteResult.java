package io.camstream.bench.attack;

import java.util.List;

/**
 * The whole suite's outcome: the machine it ran on, each attack's table, and whether everything held.
 *
 * @param machine the machine and its load before the run
 * @param mode    short or long, with the settings that differ
 * @param attacks each attack's result, in the order they ran
 * @param seconds the whole run, servers' starts included
 */
public record SuiteResult(String machine, String mode, List<AttackResult> attacks, double seconds) {

    public boolean passed() {
        return attacks.stream().allMatch(AttackResult::passed);
    }

    /** @return every check that did not hold, one line each */
    public List<String> failures() {
        return attacks.stream().flatMap(a -> a.failures().stream()).toList();
    }

    /** @return the tables as Markdown, for docs/RELIABILITY.md */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(Check.text("%s mode, %.0f s in all. Machine: %s.%n%n", mode, seconds, machine));
        for (AttackResult attack : attacks) {
            md.append(attack.markdown());
        }
        md.append(passed() ? "Every check held.\n" : "Failed:\n- " + String.join("\n- ", failures()) + "\n");
        return md.toString();
    }
}

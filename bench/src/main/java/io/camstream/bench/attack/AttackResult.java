package io.camstream.bench.attack;

import java.util.List;

/**
 * What one attack did and what held.
 *
 * @param name    its short name
 * @param title   its heading
 * @param how     what it did
 * @param seconds how long it took, settling and the checks after it included
 * @param checks  every line of its table
 */
public record AttackResult(String name, String title, String how, double seconds, List<Check> checks) {

    /** @return whether every check held */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** @return the checks that did not hold, one line each */
    public List<String> failures() {
        return checks.stream().filter(c -> !c.passed())
                .map(c -> name + ": " + c.figure() + " was " + c.value() + ", must be " + c.limit()).toList();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(title).append(passed() ? "" : " — FAILED").append("\n\n")
                .append(how).append(Check.text(" (%.0f s).%n%n", seconds))
                .append("| figure | measured | must be | |\n|---|---|---|---|\n");
        for (Check check : checks) {
            md.append("| ").append(check.figure()).append(" | ").append(check.value()).append(" | ")
                    .append(check.limit()).append(" | ")
                    .append(check.limit().isEmpty() ? "" : check.passed() ? "ok" : "**failed**").append(" |\n");
        }
        return md.append('\n').toString();
    }
}

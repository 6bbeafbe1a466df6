package io.camstream.bench.attack;

import io.camstream.bench.Args;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the attack command runs against.
 *
 * @param camstream the unpacked camstream distribution, {@code server/target/camstream}
 * @param work      a folder for configurations, the certificate and the servers' logs
 * @param quick     the short mode (CI): smaller numbers, shorter attacks, {@code header-read-timeout: 2s}
 * @param only      run only the attacks of these names, or all
 */
public record AttackOptions(Path camstream, Path work, boolean quick, Optional<Set<String>> only) {

    /** The flags of the attack command. */
    public static final Set<String> FLAGS = Set.of("short");

    /**
     * Reads the options of the attack command.
     *
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static AttackOptions from(Args args) {
        AttackOptions options = new AttackOptions(
                Path.of(args.optional("camstream").orElse("server/target/camstream")),
                Path.of(args.optional("work").orElse(System.getProperty("java.io.tmpdir") + "/camstream-attack")),
                args.flag("short"),
                args.optional("only").map(names -> Set.copyOf(List.of(names.split(",")))));
        args.rejectUnknown();
        if (!options.camstream().resolve("bin/camstream").toFile().canExecute()) {
            throw new IllegalArgumentException("--camstream " + options.camstream() + " has no bin/camstream; build"
                    + " the distribution first: ./mvnw -q -B package -DskipTests");
        }
        return options;
    }
}

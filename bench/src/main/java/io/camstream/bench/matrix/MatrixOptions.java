package io.camstream.bench.matrix;

import io.camstream.bench.Args;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the matrix command runs against and where it writes.
 *
 * @param camstream     the unpacked camstream distribution, {@code server/target/camstream}
 * @param out           the Markdown file whose figures section is rewritten
 * @param work          a folder for frames, configs and server logs
 * @param port          camstream's port
 * @param referencePort the reference server's port
 * @param smoke         run one small scenario, briefly, instead of the whole matrix: to check that the matrix works,
 *                      not to measure
 */
public record MatrixOptions(Path camstream, Path out, Path work, int port, int referencePort, boolean smoke) {

    /** The flags of the matrix command. */
    public static final Set<String> FLAGS = Set.of("smoke");

    /**
     * Reads the options of the matrix command.
     *
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static MatrixOptions from(Args args) {
        MatrixOptions options = new MatrixOptions(
                Path.of(args.optional("camstream").orElse("server/target/camstream")),
                Path.of(args.optional("out").orElse("docs/PERFORMANCE.md")),
                Path.of(args.optional("work").orElse(System.getProperty("java.io.tmpdir") + "/camstream-matrix")),
                args.integer("port", 8181, 1),
                args.integer("reference-port", 8190, 1),
                args.flag("smoke"));
        args.rejectUnknown();
        if (!options.camstream().resolve("bin/camstream").toFile().canExecute()) {
            throw new IllegalArgumentException("--camstream " + options.camstream() + " has no bin/camstream; build"
                    + " the distribution first: ./mvnw -q -B package -DskipTests");
        }
        return options;
    }
}

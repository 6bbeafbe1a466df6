package io.camstream.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One target fuzzed in a JVM of its own with Jazzer's command line, which runs the {@code @FuzzTest} through
 * JUnit as the build would: it replays the target's committed inputs, then fuzzes for the given time. A finding
 * is written to the target's inputs directory under {@code src/test/resources} (and so replayed by every later
 * build) and ends the run with a non-zero exit.
 *
 * @param target   what was fuzzed
 * @param exitCode the JVM's exit status: 0 when nothing was found
 * @param log      everything the run printed
 */
record FuzzRun(FuzzTarget target, int exitCode, Path log) {

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final int REPORT_LINES = 40;

    /**
     * Jazzer's detectors of injections into interpreters none of the targets feeds (SQL, LDAP, XPath, scripts, shell,
     * files, network, class loading); loading their hooks costs each run a few seconds. The BigDecimal, regular
     * expression and Unsafe detectors stay.
     */
    private static final List<String> UNRELATED_SANITIZERS = Stream.of("ClojureLangHooks", "Deserialization",
                    "ExpressionLanguageInjection", "FilePathTraversal", "LdapInjection", "NamingContextLookup",
                    "OsCommandInjection", "ReflectiveCall", "ScriptEngineInjection", "ServerSideRequestForgery",
                    "SqlInjection", "TemplateInjection", "XPathInjection", "XmlParserSsrfGuidance")
            .map(name -> "com.code_intelligence.jazzer.sanitizers." + name)
            .toList();

    /**
     * Runs the target and waits for it.
     *
     * @param target   the fuzz test
     * @param duration how long to fuzz, in Jazzer's syntax ({@code 3s}, {@code 10m})
     * @param logs     where the run's output is kept
     * @return the run
     * @throws IOException          when the JVM cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    static FuzzRun of(FuzzTarget target, String duration, Path logs) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve(target.name() + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading",
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                // In runs of seconds C2 costs more than it gives: C1 alone ran 4x the inputs for less CPU.
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.className(),
                "--target_method=" + target.methodName(),
                "--max_duration=" + duration,
                "--disabled_hooks=" + String.join(":", UNRELATED_SANITIZERS),
                // libFuzzer: an input that takes this many seconds is a hang, reported and kept like a crash. Not
                // less: on a busy machine the first input, which loads and instruments classes, took 12 s.
                "-timeout=30"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new FuzzRun(target, process.waitFor(), log);
    }

    /**
     * How many inputs the fuzzer ran, from libFuzzer's closing line.
     *
     * @return the count, or -1 when the run ended before that line
     * @throws IOException when the log cannot be read
     */
    long executions() throws IOException {
        Matcher done = DONE.matcher(Files.readString(log));
        return done.find() ? Long.parseLong(done.group(1)) : -1;
    }

    /**
     * The end of the run's output, from Jazzer's finding with its stack trace and the file it was saved to.
     *
     * @return the last lines
     * @throws IOException when the log cannot be read
     */
    String report() throws IOException {
        List<String> lines = Files.readAllLines(log);
        int from = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("=="))
                .findFirst().orElse(Math.max(0, lines.size() - REPORT_LINES));
        return String.join("\n", lines.subList(from, lines.size()));
    }
}

package io.camstream.bench.attack;

import io.camstream.bench.client.TimedViewer;
import io.camstream.bench.matrix.Machine;
import io.camstream.bench.report.ProcessMeter;
import io.camstream.bench.report.ProcessProbe;

import javax.net.SocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The attack suite: starts camstream from its distribution twice (plain HTTP with the default connection caps, and
 * HTTPS under a low open-file limit with caps above it), each with a user and one {@code sim} camera; lets three
 * logged-in viewers watch each, and runs every attack in turn on the server it is for. Around each attack it checks
 * what every attack must leave alone: the viewers' frame rate against theirs just before it and their longest wait
 * for a frame, the server's descriptors and threads (before, at the peak, and after: back to where they were) and
 * resident memory (its peak), a new viewer served after it, and the bytes logged meanwhile (a few short lines, no
 * stack trace). The long mode then waits for the memory the attacks took to be given back.
 */
public final class AttackSuite {

    private static final String USER = "viewer";
    /** camstream's default {@code max-connections-per-client}. */
    private static final int PER_CLIENT_CAP = 128;
    /** The HTTPS server's caps: above its open-file limit, so that the descriptor attack reaches that. */
    private static final int UNCAPPED = 100_000;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration NEW_VIEWER = Duration.ofSeconds(5);
    private static final int DESCRIPTOR_MARGIN = 4;
    private static final int THREAD_MARGIN = 4;
    private static final long MOST_LOG_BYTES = 4_096;
    /** What the long mode waits, at most, for the heap an attack grew to be given back. */
    private static final Duration MEMORY_RETURN = Duration.ofMinutes(4);
    /**
     * Compiled code and metaspace grow in a server's first minutes, and camstream's MemoryReturn leaves a heap within
     * a quarter of its start alone: the plain server went from 108 MiB before its first attack to 157 after its last
     * (then with a MemoryReturn that left twice its start alone and cost 20 MiB the first time it collected).
     */
    private static final long MEMORY_MARGIN_MIB = 64;

    /**
     * What differs between the modes but for the attacks' own numbers.
     *
     * @param headerReadTimeout the servers' {@code header-read-timeout} (the long mode keeps camstream's default)
     * @param baseline          the window before each attack whose frame rate the attack's is compared with
     * @param settle            the longest wait after an attack for descriptors and threads to come back
     * @param leastFpsShare     the least share of their frame rate just before that viewers must keep during an
     *                          attack: lower for attacks of two seconds, in which one collection pause of the
     *                          server's SerialGC on a loaded machine (30 to 120 ms seen) costs several frames
     */
    private record Timing(Duration headerReadTimeout, Duration baseline, Duration settle, double leastFpsShare) {
    }

    private final AttackOptions options;
    private final long begin = System.nanoTime();
    private final Timing timing;
    private final List<Attack> attacks;

    public AttackSuite(AttackOptions options) {
        this.options = options;
        this.timing = options.quick()
                ? new Timing(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10), 0.6)
                : new Timing(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30), 0.8);
        this.attacks = attacks(options.quick()).stream()
                .filter(a -> options.only().map(names -> names.contains(a.about().name())).orElse(true)).toList();
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("--only " + options.only().orElseThrow() + " names no attack; the "
                    + "attacks are " + attacks(true).stream().map(a -> a.about().name()).toList());
        }
    }

    /** The attacks in the order they run, with each mode's numbers. */
    static List<Attack> attacks(boolean quick) {
        return quick
                ? List.of(
                        new IdleFlood(2_000, Duration.ofSeconds(1)),
                        new SlowHeads(1, 60, Duration.ofSeconds(3)),
                        new HugeHeaders(4, 64_000_000, Duration.ofSeconds(2)),
                        new UnreadBodies(8, Duration.ofSeconds(2)),
                        new AbortedHeads(16, 1_000, Duration.ofSeconds(2)),
                        new PasswordGuessing(40, Duration.ofSeconds(2)),
                        new TlsHandshakes(20, 2, 10, Duration.ofSeconds(3)),
                        new DescriptorExhaustion(320, 1_000, Duration.ofSeconds(1)))
                : List.of(
                        new IdleFlood(10_000, Duration.ofSeconds(20)),
                        new SlowHeads(4, 96, Duration.ofSeconds(30)),
                        new HugeHeaders(16, 256_000_000, Duration.ofSeconds(20)),
                        new UnreadBodies(16, Duration.ofSeconds(20)),
                        new AbortedHeads(32, 1_000, Duration.ofSeconds(65)),
                        new PasswordGuessing(40, Duration.ofSeconds(30)),
                        new TlsHandshakes(100, 4, 10, Duration.ofSeconds(30)),
                        new DescriptorExhaustion(1_024, 5_000, Duration.ofSeconds(10)));
    }

    /**
     * Runs the suite.
     *
     * @return every attack's checks
     * @throws IOException when a server cannot be started or its figures read
     */
    public SuiteResult run() throws Exception {
        String machine = Machine.describe();
        Files.createDirectories(options.work());
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        // two programs of a second or more each: at the same time
        CompletableFuture<SelfSignedCertificate> certificate = CompletableFuture.supplyAsync(() -> unchecked(
                () -> SelfSignedCertificate.make(options.work(), password)));
        String hash = hashPassword(password);
        Map<Target.Kind, Camstream> servers = start(hash, certificate);
        List<AttackResult> results = new ArrayList<>();
        List<Viewers> watching = new ArrayList<>();
        try {
            // every server's viewers from the start: a server's attacks begin once it has been serving a while, its
            // TLS code (and this JVM's) compiled, as on a server that has been up for days
            for (Map.Entry<Target.Kind, Camstream> server : servers.entrySet()) {
                server.getValue().awaitListening(START);
                progress(server.getValue().name() + " camstream listens on 127.0.0.1:" + server.getValue().port()
                        + ", log " + server.getValue().log());
                watching.add(Viewers.start(new Target(server.getKey(), server.getValue(), timing.headerReadTimeout(),
                        server.getKey() == Target.Kind.PLAIN ? PER_CLIENT_CAP : UNCAPPED, USER, password)));
            }
            Map<Camstream, Camstream.Figures> atStart = new LinkedHashMap<>();
            for (Viewers viewers : watching) {
                viewers.awaitFirstFrames();
                atStart.put(viewers.target().server(), viewers.target().server().figures());
            }
            for (Viewers viewers : watching) {
                Target target = viewers.target();
                for (Attack attack : attacks) {
                    if (attack.about().kind() == target.kind()) {
                        results.add(run(attack, target, viewers));
                    }
                }
            }
            if (!options.quick()) {
                results.add(memoryGivenBack(atStart));
            }
        } finally {
            for (Viewers viewers : watching) {
                viewers.close();
            }
            for (Camstream server : servers.values()) {
                server.close();
            }
        }
        String mode = options.quick()
                ? "Short (`--short`: header-read-timeout 2s)"
                : "Long (camstream's defaults: header-read-timeout 10s)";
        return new SuiteResult(machine, mode, results, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Launches the servers the chosen attacks need, all at once (each start is mostly one core's work); the caller
     * waits for each to listen.
     */
    private Map<Target.Kind, Camstream> start(String hash, CompletableFuture<SelfSignedCertificate> made)
            throws Exception {
        Map<Target.Kind, Camstream> servers = new EnumMap<>(Target.Kind.class);
        try {
            for (Target.Kind kind : Target.Kind.values()) {
                if (attacks.stream().noneMatch(a -> a.about().kind() == kind)) {
                    continue;
                }
                String name = kind.name().toLowerCase(Locale.ROOT);
                boolean https = kind == Target.Kind.HTTPS;
                SelfSignedCertificate certificate = https ? made.join() : null;
                Path config = options.work().resolve(name + ".yaml");
                Files.writeString(config, config(kind, hash, certificate));
                int descriptors = https ? descriptorLimit() : 0;
                servers.put(kind, Camstream.launch(name, options.camstream(), config,
                        options.work().resolve(name + ".log"),
                        https ? List.of("prlimit", "--nofile=" + descriptors + ":" + descriptors) : List.of(),
                        https ? certificate.trustingContext().getSocketFactory() : SocketFactory.getDefault()));
            }
            return servers;
        } catch (Exception e) {
            for (Camstream server : servers.values()) {
                server.close();
            }
            throw e;
        }
    }

    /** The open-file limit of the HTTPS server: the descriptor attack's, or, when it does not run, enough. */
    private int descriptorLimit() {
        return attacks.stream().filter(DescriptorExhaustion.class::isInstance).map(DescriptorExhaustion.class::cast)
                .mapToInt(DescriptorExhaustion::descriptorLimit).findFirst().orElse(4_096);
    }

    /** @param certificate the HTTPS server's, or null for the plain one */
    private String config(Target.Kind kind, String hash, SelfSignedCertificate certificate) {
        String server = "server:\n  port: 0\n  host: 127.0.0.1\n"
                + (kind == Target.Kind.HTTPS ? certificate.serverYaml() : "");
        String limits = (options.quick() ? "  header-read-timeout: " + timing.headerReadTimeout().toMillis() + "ms\n"
                : "")
                + (kind == Target.Kind.HTTPS ? "  max-connections: " + UNCAPPED + "\n  max-connections-per-client: "
                + UNCAPPED + "\n" : "");
        return server + "camstream:\n" + limits + """
                  auth:
                    users:
                      - username: %s
                        password-hash: "%s"
                  cameras:
                    - name: desk
                      driver: sim
                      width: 320
                      height: 240
                      fps: 25
                """.formatted(USER, hash);
    }

    /** A real hash, as a user makes one: {@code bin/camstream hash-password} with the password on its input. */
    private String hashPassword(String password) throws IOException, InterruptedException {
        Process hasher = new ProcessBuilder(options.camstream().resolve("bin/camstream").toString(), "hash-password")
                .redirectErrorStream(true).start();
        hasher.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        hasher.getOutputStream().close();
        String output = new String(hasher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!hasher.waitFor(60, TimeUnit.SECONDS) || hasher.exitValue() != 0) {
            throw new IOException("bin/camstream hash-password failed: " + output);
        }
        return output.lines().filter(line -> line.startsWith("pbkdf2-sha256$")).findFirst()
                .orElseThrow(() -> new IOException("bin/camstream hash-password printed no hash: " + output));
    }

    @FunctionalInterface
    private interface Step<T> {
        T get() throws Exception;
    }

    private static <T> T unchecked(Step<T> step) {
        try {
            return step.get();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private AttackResult run(Attack attack, Target target, Viewers viewers) throws Exception {
        Attack.About about = attack.about();
        progress(about.title() + " ...");
        Camstream server = target.server();
        double cpuBaseline = server.cpuSeconds();
        Thread.sleep(timing.baseline().toMillis());
        long start = System.nanoTime();
        long baselineStart = start - timing.baseline().toNanos();
        Camstream.Figures before = server.figures();
        long logStart = server.logSize();
        double cpuStart = server.cpuSeconds();
        ProcessMeter attackers = new ProcessMeter(ProcessProbe.of(ProcessHandle.current().pid()));
        double baselineShare = (cpuStart - cpuBaseline) / (timing.baseline().toNanos() / 1e9);
        List<Check> checks = new ArrayList<>();
        List<Check> own;
        long end;
        double cpu;
        Camstream.Figures after;
        Camstream.Figures peak;
        try (PeakWatch watch = new PeakWatch(server, before)) {
            own = attempt(attack, target);
            end = System.nanoTime();
            cpu = server.cpuSeconds() - cpuStart;
            attackers.sample();
            after = settle(server, before);
            peak = watch.peak();
        }
        checks.addAll(viewerChecks(attack, viewers, baselineStart, start, end));
        double seconds = (end - start) / 1e9;
        checks.add(Check.info("server CPU while it ran (just before: the viewers alone)", Check.text(
                "%.1f s in %.1f s: %.0f %% of a core (%.0f %%)", cpu, seconds, 100 * cpu / seconds,
                100 * baselineShare)));
        checks.add(Check.info("CPU of the attackers and viewers (camstream-bench)", Check.text(
                "%.1f s: %.0f %% of a core", attackers.cpuSeconds(), 100 * attackers.cpuSeconds() / seconds)));
        checks.addAll(resourceChecks(attack.descriptorBudget(target), attack.memoryBudgetMiB(target), before, peak,
                after));
        Viewers.Result newViewer = viewers.firstFrameOfANewViewer(Target.loopback(254), NEW_VIEWER);
        checks.add(Check.that("a new viewer's first frame after it, ms", newViewer.firstFrame()
                        .map(d -> Check.text("%d", d.toMillis())).orElse(newViewer.problem()),
                "≤ " + NEW_VIEWER.toMillis(), newViewer.firstFrame().isPresent()));
        checks.add(Check.that("server process", server.alive() ? "running" : "gone", "running", server.alive()));
        checks.addAll(logChecks(server.logSince(logStart)));
        checks.addAll(own);
        AttackResult result = new AttackResult(about.name(), about.title(), about.how(),
                (System.nanoTime() - start) / 1e9, checks);
        progress(about.title() + (result.passed() ? ": held" : ": FAILED " + result.failures()));
        return result;
    }

    private static List<Check> logChecks(String logged) {
        Optional<String> trace = logged.lines().filter(line -> line.startsWith("\tat ") || line.contains("Exception"))
                .findFirst();
        return List.of(
                Check.atMost("bytes logged meanwhile", logged.length(), MOST_LOG_BYTES, "%,.0f"),
                Check.that("stack traces or exceptions logged", trace.map(line -> "yes: "
                        + line.substring(0, Math.min(line.length(), 160))).orElse("none"), "none", trace.isEmpty()));
    }

    /**
     * The heap an attack grew is given back to the system once it is over (camstream's MemoryReturn looks every
     * 2 s): waits for each server's resident memory to come back near where it was before its first attack.
     */
    private AttackResult memoryGivenBack(Map<Camstream, Camstream.Figures> atStart) throws IOException,
            InterruptedException {
        progress("waiting for the memory the attacks took to be given back ...");
        long start = System.nanoTime();
        long deadline = start + MEMORY_RETURN.toNanos();
        Map<Camstream, Camstream.Figures> afterAttacks = new LinkedHashMap<>();
        for (Camstream server : atStart.keySet()) {
            afterAttacks.put(server, server.figures());
        }
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<Camstream, Camstream.Figures> server : atStart.entrySet()) {
            double limit = server.getValue().rssMiB() + MEMORY_MARGIN_MIB;
            Camstream.Figures now = server.getKey().figures();
            while (now.rssMiB() > limit && System.nanoTime() - deadline < 0) {
                Thread.sleep(1_000);
                now = server.getKey().figures();
            }
            checks.add(Check.that(server.getKey().name() + ": VmRSS, MiB, before the attacks → after them → "
                            + Check.text("%.0f s later", (System.nanoTime() - start) / 1e9),
                    Check.text("%.0f → %.0f → %.0f", server.getValue().rssMiB(),
                            afterAttacks.get(server.getKey()).rssMiB(), now.rssMiB()),
                    Check.text("≤ %.0f within %d s", limit, MEMORY_RETURN.toSeconds()), now.rssMiB() <= limit));
        }
        AttackResult result = new AttackResult("memory", "Memory given back after the attacks",
                "the servers, their viewers still watching, after their last attack", (System.nanoTime() - start) / 1e9,
                checks);
        progress("memory" + (result.passed() ? ": given back" : ": FAILED " + result.failures()));
        return result;
    }

    /** Runs the attack; one that cannot be carried out fails its table rather than the suite. */
    private static List<Check> attempt(Attack attack, Target target) {
        try {
            return attack.run(target);
        } catch (Exception e) {
            return List.of(Check.that("the attack ran", e.toString(), "ran", false));
        }
    }

    private List<Check> viewerChecks(Attack attack, Viewers viewers, long baselineStart, long start, long end) {
        double leastShare = Double.MAX_VALUE;
        String slowest = "";
        long longestGap = 0;
        List<String> ended = new ArrayList<>();
        for (TimedViewer watcher : viewers.watchers()) {
            double before = watcher.window(baselineStart, start).fps();
            TimedViewer.FrameWindow during = watcher.window(start, end);
            double share = before == 0 ? 0 : during.fps() / before;
            if (share < leastShare) {
                leastShare = share;
                slowest = Check.text("%.1f → %.1f fps", before, during.fps());
            }
            longestGap = Math.max(longestGap, during.longestGap().toMillis());
            watcher.failure().ifPresent(f -> ended.add(watcher.from().getHostAddress() + ": " + f));
        }
        return List.of(
                Check.that("viewers' frame rate during it, share of theirs just before",
                        Check.text("%.2f (slowest of %d: %s)", leastShare, viewers.watchers().size(), slowest),
                        Check.text("≥ %.2f", timing.leastFpsShare()), leastShare >= timing.leastFpsShare()),
                Check.atMost("viewers' longest wait for a frame, ms", longestGap, attack.longestGap().toMillis(),
                        "%,.0f"),
                Check.that("viewers' streams ended", ended.isEmpty() ? "none" : String.join("; ", ended), "none",
                        ended.isEmpty()));
    }

    private static List<Check> resourceChecks(int descriptorBudget, long memoryBudgetMiB, Camstream.Figures before,
                                              Camstream.Figures peak, Camstream.Figures after) {
        return List.of(
                Check.that("descriptors: before → peak → after",
                        Check.text("%d → %d → %d", before.descriptors(), peak.descriptors(), after.descriptors()),
                        Check.text("peak ≤ +%d, after ≤ +%d", descriptorBudget, DESCRIPTOR_MARGIN),
                        peak.descriptors() <= before.descriptors() + descriptorBudget
                                && after.descriptors() <= before.descriptors() + DESCRIPTOR_MARGIN),
                Check.that("threads: before → peak → after",
                        Check.text("%d → %d → %d", before.threads(), peak.threads(), after.threads()),
                        Check.text("after ≤ +%d", THREAD_MARGIN),
                        after.threads() <= before.threads() + THREAD_MARGIN),
                Check.that("resident memory (VmRSS), MiB: before → peak → after",
                        Check.text("%.0f → %.0f → %.0f", before.rssMiB(), peak.rssMiB(), after.rssMiB()),
                        Check.text("peak ≤ +%d", memoryBudgetMiB),
                        peak.rssMiB() <= before.rssMiB() + memoryBudgetMiB));
    }

    /** Connections finish closing a moment after their clients have gone: waits for the counts to come back. */
    private Camstream.Figures settle(Camstream server, Camstream.Figures before) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + timing.settle().toNanos();
        Camstream.Figures now = server.figures();
        while (System.nanoTime() - deadline < 0 && (now.descriptors() > before.descriptors() + DESCRIPTOR_MARGIN
                || now.threads() > before.threads() + THREAD_MARGIN)) {
            Thread.sleep(200);
            now = server.figures();
        }
        return now;
    }

    private void progress(String message) {
        System.out.printf(Locale.ROOT, "attack: %5.1f s  %s%n", (System.nanoTime() - begin) / 1e9, message);
    }
}

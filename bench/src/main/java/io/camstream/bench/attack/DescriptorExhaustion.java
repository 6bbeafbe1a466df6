package io.camstream.bench.attack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The server run under a low open-file limit ({@code prlimit --nofile}, as a unit's {@code LimitNOFILE=} sets it)
 * with connection caps above that limit, flooded with idle connections until it runs out of descriptors: the
 * listener must back off and go on, never end, and accept again within seconds once the flood stops.
 */
final class DescriptorExhaustion implements Attack {

    private static final int FROM = 1;
    private static final Duration FLOODING = Duration.ofSeconds(60);
    private static final Duration ACCEPT_AGAIN = Duration.ofSeconds(5);
    private static final String OUT_OF_DESCRIPTORS = "Too many open files";

    private final int descriptorLimit;
    private final int connections;
    private final Duration hold;

    DescriptorExhaustion(int descriptorLimit, int connections, Duration hold) {
        this.descriptorLimit = descriptorLimit;
        this.connections = connections;
        this.hold = hold;
    }

    /** @return the open-file limit the server runs under */
    int descriptorLimit() {
        return descriptorLimit;
    }

    @Override
    public About about() {
        return new About("descriptors", "Descriptor exhaustion", Target.Kind.HTTPS, Check.text(
                "the HTTPS server runs under prlimit --nofile=%d with max-connections and "
                        + "max-connections-per-client at 100,000; %,d connections from 127.0.0.%d that send "
                        + "nothing, 64 connecting at a time, held %d s after the server ran out of descriptors, "
                        + "then closed",
                descriptorLimit, connections, FROM, hold.toSeconds()));
    }

    @Override
    public int descriptorBudget(Target target) {
        return descriptorLimit;
    }

    /**
     * Every descriptor may hold a connection, here a TLS one (about 90 KB of buffers and engine on the heap), and the
     * collector lets the heap grow to several times what the connections hold while thousands come and go; the
     * caps above the limit take away what {@code max-connections} would bound by the heap.
     */
    @Override
    public long memoryBudgetMiB(Target target) {
        return descriptorLimit / 2;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        long logStart = target.server().logSize();
        Swarm.Outcome outcome;
        boolean ranOut = false;
        try (Swarm swarm = Swarm.once(target.server().address(), List.of(Target.loopback(FROM)), connections,
                Swarm.Script.silent())) {
            long deadline = System.nanoTime() + FLOODING.toNanos();
            while (!ranOut && swarm.tried() < connections && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
                ranOut = target.server().logSince(logStart).contains(OUT_OF_DESCRIPTORS);
            }
            Thread.sleep(hold.toMillis());
            ranOut = target.server().logSince(logStart).contains(OUT_OF_DESCRIPTORS);
            outcome = swarm.finish();
        }
        long stopped = System.nanoTime();
        String health = null;
        while (health == null && System.nanoTime() - stopped < ACCEPT_AGAIN.multipliedBy(2).toNanos()) {
            try {
                health = target.server().health(Target.loopback(2));
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        double acceptedAgain = (System.nanoTime() - stopped) / 1e9;
        String logged = target.server().logSince(logStart);
        return List.of(
                Check.info("connections established", Check.text("%,d", outcome.opened())),
                Check.that("the listener ran out of descriptors", ranOut ? "yes: \"" + OUT_OF_DESCRIPTORS + "\""
                        : "no", "yes", ranOut),
                Check.atLeast("accept failures counted in health", health == null ? -1
                        : Camstream.count(health, "acceptFailures"), 1, "%,.0f"),
                Check.atMost("seconds from the flood's end until it accepted again", acceptedAgain,
                        ACCEPT_AGAIN.toMillis() / 1000.0, "%.2f"),
                Check.that("health after", health == null ? "no answer" : health.contains("\"status\":\"UP\"")
                        ? "UP" : "not UP", "UP", health != null && health.contains("\"status\":\"UP\"")),
                Check.that("\"terminating now\" in the log", logged.contains("terminating now") ? "yes" : "no", "no",
                        !logged.contains("terminating now")));
    }
}

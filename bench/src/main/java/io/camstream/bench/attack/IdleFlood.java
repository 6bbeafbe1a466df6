package io.camstream.bench.attack;

import java.time.Duration;
import java.util.List;

/**
 * Thousands of connections from one address that send nothing: each costs the server a descriptor until the gate
 * closes it, so the per-client cap must keep the server's descriptors to a few hundred.
 */
final class IdleFlood implements Attack {

    /** The address of one of the normal viewers: its stream must be left alone while its idle neighbours go. */
    private static final int FROM = 1;
    private static final Duration OPENING = Duration.ofSeconds(60);

    private final int connections;
    private final Duration hold;

    IdleFlood(int connections, Duration hold) {
        this.connections = connections;
        this.hold = hold;
    }

    @Override
    public About about() {
        return new About("idle", "Idle connections from one address", Target.Kind.PLAIN, Check.text(
                "%,d connections from 127.0.0.%d (where a normal viewer watches too) that send nothing, 64 "
                        + "connecting at a time, held %d s after the last",
                connections, FROM, hold.toSeconds()));
    }

    @Override
    public int descriptorBudget(Target target) {
        // the cap, and as many again being closed: a channel's descriptor goes only once its thread has seen the close
        return 2 * target.perClientCap() + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        String before = target.server().health(Target.loopback(250));
        Swarm.Outcome outcome;
        try (Swarm swarm = Swarm.once(target.server().address(), List.of(Target.loopback(FROM)), connections,
                Swarm.Script.silent())) {
            long deadline = System.nanoTime() + OPENING.toNanos();
            while (swarm.tried() < connections && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            Thread.sleep(hold.toMillis());
            outcome = swarm.finish();
        }
        String after = target.server().health(Target.loopback(250));
        long closedForRoom = Camstream.count(after, "idleConnectionsClosedForRoom")
                - Camstream.count(before, "idleConnectionsClosedForRoom");
        long closedSlow = Camstream.count(after, "connectionsClosedForSlowHeads")
                - Camstream.count(before, "connectionsClosedForSlowHeads");
        return List.of(
                Check.atLeast("connections established", outcome.opened(), connections * 0.9, "%,.0f"),
                Check.info("closed by the server while held", Check.text("%,d: %,d to make room (oldest idle "
                        + "first), %,d for sending no request within header-read-timeout", outcome.lives().size(),
                        closedForRoom, closedSlow)),
                Check.atLeast("closed by the server of those established", outcome.lives().size(),
                        outcome.opened() - target.perClientCap() - 16, "%,.0f"));
    }
}

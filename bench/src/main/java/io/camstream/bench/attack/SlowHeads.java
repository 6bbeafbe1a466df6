package io.camstream.bench.attack;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris: request heads trickled a byte at a time, each connection replaced as soon as the server closes it. Every
 * one must be closed within {@code header-read-timeout} of being accepted, whatever it has sent by then: a request
 * line that never ends, or HTTP/1.1 or HTTP/1.0 headers that never end.
 */
final class SlowHeads implements Attack {

    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final int FIRST_ADDRESS = 3;

    /** One way to trickle: what is sent at once, then what is sent a byte at a time. */
    private record Kind(String name, String opening, String trickle) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("request line trickled", "", "GET " + Target.STREAM + "?" + "a".repeat(500)),
            new Kind("HTTP/1.1 headers trickled", "GET " + Target.STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
                    "abcdefgh"),
            new Kind("HTTP/1.0 headers trickled", "GET " + Target.STREAM + " HTTP/1.0\r\nX-Slow: ", "abcdefgh"));

    private final int addresses;
    private final int perAddress;
    private final Duration length;

    /**
     * @param addresses  how many client addresses trickle
     * @param perAddress connections kept trickling from each, spread over the kinds
     * @param length     how long
     */
    SlowHeads(int addresses, int perAddress, Duration length) {
        this.addresses = addresses;
        this.perAddress = perAddress;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("trickle", "Request heads trickled a byte at a time", Target.Kind.PLAIN, Check.text(
                "%d connections from %d address(es) send a byte every %d ms for %d s: a third a request line that "
                        + "never ends, a third HTTP/1.1 headers, a third HTTP/1.0 headers; each one the server "
                        + "closes is replaced at once",
                addresses * perAddress, addresses, PERIOD.toMillis(), length.toSeconds()));
    }

    @Override
    public int descriptorBudget(Target target) {
        return addresses * perAddress + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        List<InetAddress> from = Target.addresses(FIRST_ADDRESS, addresses);
        List<Swarm> swarms = new ArrayList<>();
        for (Kind kind : KINDS) {
            swarms.add(Swarm.kept(target.server().address(), from, addresses * perAddress / KINDS.size(),
                    new Swarm.Script(bytes(kind.opening()), bytes(kind.trickle()), PERIOD)));
        }
        Thread.sleep(length.toMillis());
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            Swarm.Outcome outcome = swarms.get(i).finish();
            String kind = KINDS.get(i).name();
            checks.add(Check.atLeast(kind + ": connections closed by the server", outcome.lives().size(),
                    addresses * perAddress / KINDS.size(), "%,.0f"));
            checks.add(Check.atMost(kind + ": longest open, s", outcome.longestMillis() / 1000.0,
                    target.headLimit().toMillis() / 1000.0, "%.2f"));
        }
        return checks;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

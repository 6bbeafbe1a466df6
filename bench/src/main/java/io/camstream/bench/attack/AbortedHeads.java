package io.camstream.bench.attack;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Requests cut off in the middle of their headers, as fast as the clients can, to flood the log: before, each one
 * wrote a stack trace. The server must log the first of them and count the rest.
 */
final class AbortedHeads implements Attack {

    /**
     * The first of the addresses the clients connect from, one each: a client that closes first keeps its side in
     * TIME_WAIT for a minute, and one address has only 28,000 ports to give.
     */
    private static final int FIRST_ADDRESS = 60;
    private static final int MOST_LINES = 6;

    private final int clients;
    private final int perSecond;
    private final Duration length;

    /**
     * @param clients   clients at once
     * @param perSecond requests a second of them all; a flood at full speed on the server's own cores measures how
     *                  CPU is shared rather than how the server copes
     * @param length    how long
     */
    AbortedHeads(int clients, int perSecond, Duration length) {
        this.clients = clients;
        this.perSecond = perSecond;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("aborted", "Connections aborted in their headers, in a loop", Target.Kind.PLAIN,
                Check.text("for %d s, %d clients (127.0.0.%d on, one address each) send the start of a request "
                                + "head (HTTP/1.1 and HTTP/1.0 in turn) and close the connection (closed, or reset, "
                                + "in turn), %,d times a second in all",
                        length.toSeconds(), clients, FIRST_ADDRESS, perSecond));
    }

    @Override
    public int descriptorBudget(Target target) {
        return clients + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        long logStart = target.server().logSize();
        long aborted = Workers.paced(clients, length, perSecond, (worker, round) -> {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(Target.loopback(FIRST_ADDRESS + worker), 0));
                socket.connect(target.server().address(), 5_000);
                if (round % 4 < 2) {
                    socket.setSoLinger(true, 0);
                }
                String version = round % 2 == 0 ? "HTTP/1.1" : "HTTP/1.0";
                socket.getOutputStream().write(("GET " + Target.STREAM + " " + version + "\r\nHost: 127.0.0.1\r\n"
                        + "Accept: image/jp").getBytes(StandardCharsets.US_ASCII));
            }
        });
        long lines = target.server().logSince(logStart).lines().count();
        return List.of(
                Check.atLeast("requests aborted", aborted, perSecond * length.toSeconds() / 2.0, "%,.0f"),
                Check.atMost("lines logged while they came", lines, MOST_LINES, "%,.0f"));
    }
}

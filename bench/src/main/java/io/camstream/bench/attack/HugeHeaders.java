package io.camstream.bench.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * One header line of many megabytes, over HTTP/1.0 and HTTP/1.1, from a client that is logged in (so that the
 * request would be served were it taken): the server must refuse it at {@code max-headers-size} and close, never
 * gather it.
 */
final class HugeHeaders implements Attack {

    private static final int FROM = 6;
    private static final byte[] BLOCK = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

    private final int senders;
    private final long bytesEach;
    private final Duration length;

    /**
     * @param senders   clients sending at once, half HTTP/1.0, half HTTP/1.1
     * @param bytesEach the header line's length each tries to send
     * @param length    how long they go on, one request after another
     */
    HugeHeaders(int senders, long bytesEach, Duration length) {
        this.senders = senders;
        this.bytesEach = bytesEach;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("huge-headers", "Huge header lines", Target.Kind.PLAIN, Check.text(
                "for %d s, %d clients from 127.0.0.%d (half HTTP/1.0, half HTTP/1.1), logged in, each request a "
                        + "header line of up to %,d MB, one request after another",
                length.toSeconds(), senders, FROM, bytesEach / 1_000_000));
    }

    @Override
    public int descriptorBudget(Target target) {
        return senders + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        LongAccumulator mostLetIn = new LongAccumulator(Math::max, 0);
        long requests = Workers.repeat(senders, length, (worker, round) -> {
            String version = worker % 2 == 0 ? "HTTP/1.0" : "HTTP/1.1";
            answers.computeIfAbsent(version + " " + send(target, version, mostLetIn), a -> new AtomicLong())
                    .incrementAndGet();
        });
        long served = answers.entrySet().stream().filter(e -> e.getKey().endsWith(" 200"))
                .mapToLong(e -> e.getValue().get()).sum();
        return List.of(
                Check.atLeast("requests sent", requests, senders, "%,.0f"),
                Check.info("answers", new TreeMap<>(answers).toString()),
                Check.atMost("requests served", served, 0, "%.0f"),
                Check.atMost("most bytes of one line written before the server cut it off, MB",
                        mostLetIn.get() / 1e6, 32, "%.1f"));
    }

    /** Sends one huge header line; returns the status answered, or "closed" when the server only closed. */
    private String send(Target target, String version, LongAccumulator mostLetIn) throws IOException {
        long sent = 0;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(Target.loopback(FROM), 0));
            socket.connect(target.server().address(), 5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("GET " + Target.STREAM + " " + version + "\r\nHost: 127.0.0.1\r\n" + target.authorization()
                        + "X-Huge: ").getBytes(StandardCharsets.US_ASCII));
                while (sent < bytesEach) {
                    out.write(BLOCK);
                    sent += BLOCK.length;
                }
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // refused: the server closed while the line came
            }
            mostLetIn.accumulate(sent);
            return status(socket);
        }
    }

    private static String status(Socket socket) {
        try {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(12);
            String line = new String(start, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.") && line.length() == 12 ? line.substring(9, 12) : "closed";
        } catch (SocketTimeoutException e) {
            return "no answer in 5 s";
        } catch (IOException e) {
            return "closed";
        }
    }
}

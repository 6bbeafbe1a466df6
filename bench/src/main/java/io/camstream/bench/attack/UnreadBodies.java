package io.camstream.bench.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request smuggling through {@code Expect: 100-continue}: a POST the server answers without reading its body, whose
 * body is itself a request, for a snapshot, with the viewer's login. Were the body read as the next request, the
 * snapshot would come back; it must never. The server closes the connection or discards the body.
 */
final class UnreadBodies implements Attack {

    private static final int FROM = 7;
    private static final Pattern STATUS = Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3}) ");
    private static final Duration READ = Duration.ofSeconds(3);

    private final int clients;
    private final Duration length;

    UnreadBodies(int clients, Duration length) {
        this.clients = clients;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("expect", "Expect: 100-continue with a request hidden in the unread body",
                Target.Kind.PLAIN, Check.text(
                "for %d s, %d clients from 127.0.0.%d, logged in, send a POST with Expect: 100-continue whose body "
                        + "is a GET of a snapshot (HTTP/1.0 and HTTP/1.1 in turn) and read what comes until the "
                        + "server closes or %d s pass",
                length.toSeconds(), clients, FROM, READ.toSeconds()));
    }

    @Override
    public int descriptorBudget(Target target) {
        return clients + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        AtomicLong answeredOnce = new AtomicLong();
        AtomicLong smuggled = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        long exchanges = Workers.repeat(clients, length, (worker, round) -> {
            Exchange exchange = exchange(target, round % 2 == 0 ? "HTTP/1.0" : "HTTP/1.1");
            if (exchange.finalAnswers() == 1) {
                answeredOnce.incrementAndGet();
            }
            if (exchange.text().contains("image/jpeg") || exchange.finalAnswers() > 1) {
                smuggled.incrementAndGet();
            }
            if (exchange.closed()) {
                closed.incrementAndGet();
            }
        });
        return List.of(
                Check.atLeast("exchanges", exchanges, clients, "%,.0f"),
                Check.atLeast("answered exactly once", answeredOnce.get(), exchanges, "%,.0f"),
                Check.atMost("hidden requests answered", smuggled.get(), 0, "%,.0f"),
                Check.info("connection closed after the answer", Check.text("%,d of %,d", closed.get(), exchanges)));
    }

    private record Exchange(String text, int finalAnswers, boolean closed) {
    }

    private static Exchange exchange(Target target, String version) throws IOException {
        String hidden = "GET /cameras/desk/snapshot HTTP/1.1\r\nHost: 127.0.0.1\r\n" + target.authorization() + "\r\n";
        String request = "POST /api/cameras " + version + "\r\nHost: 127.0.0.1\r\n" + target.authorization()
                + "Expect: 100-continue\r\nContent-Length: " + hidden.length() + "\r\n\r\n" + hidden;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(Target.loopback(FROM), 0));
            socket.connect(target.server().address(), 5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) READ.toMillis());
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            boolean closed = readUntilClosed(socket.getInputStream(), answer);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int finals = 0;
            for (Matcher status = STATUS.matcher(text); status.find(); ) {
                finals += status.group(1).startsWith("1") ? 0 : 1;
            }
            return new Exchange(text, finals, closed);
        }
    }

    /** Reads until the server closes (true) or the time is up (false). */
    private static boolean readUntilClosed(InputStream in, ByteArrayOutputStream answer) {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset after the answer
        }
    }
}

package io.camstream.bench.attack;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * TLS handshakes that never finish, and TLS connections dropped in the middle of theirs. A real ClientHello (made by
 * the JDK's own TLS engine) makes the server do its half of the handshake, key exchange and signature included;
 * then the client says no more, so the gate must close it within {@code header-read-timeout}, or goes away, and
 * the server must give back what the connection held.
 */
final class TlsHandshakes implements Attack {

    private static final int UNFINISHED_FROM = 4;
    private static final int DROPPED_FROM = 5;

    private final int unfinished;
    private final int droppers;
    private final int dropsPerSecond;
    private final Duration length;

    /**
     * @param unfinished     handshakes kept waiting at once
     * @param droppers       clients dropping their handshakes in a loop
     * @param dropsPerSecond handshakes they drop a second in all: each costs the server its half of a handshake,
     *                       so at full speed on the server's own cores they measure how CPU is shared
     * @param length         how long
     */
    TlsHandshakes(int unfinished, int droppers, int dropsPerSecond, Duration length) {
        this.unfinished = unfinished;
        this.droppers = droppers;
        this.dropsPerSecond = dropsPerSecond;
        this.length = length;
    }

    @Override
    public About about() {
        return new About("tls", "TLS handshakes never finished, and dropped midway", Target.Kind.HTTPS, Check.text(
                "for %d s, %d connections from 127.0.0.%d send a ClientHello and nothing more, each one the server "
                        + "closes replaced at once; %d clients from 127.0.0.%d, %d times a second in all, send a "
                        + "ClientHello and reset the connection when the server answers, or send half of one and "
                        + "close",
                length.toSeconds(), unfinished, UNFINISHED_FROM, droppers, DROPPED_FROM, dropsPerSecond));
    }

    @Override
    public int descriptorBudget(Target target) {
        return unfinished + droppers + 128;
    }

    @Override
    public List<Check> run(Target target) throws Exception {
        byte[] hello = clientHello();
        Swarm.Outcome waiting;
        long dropped;
        try (Swarm swarm = Swarm.kept(target.server().address(), List.of(Target.loopback(UNFINISHED_FROM)),
                unfinished, new Swarm.Script(hello, new byte[0], Duration.ofSeconds(1)))) {
            dropped = Workers.paced(droppers, length, dropsPerSecond, (worker, round) -> drop(target, hello, round));
            waiting = swarm.finish();
        }
        return List.of(
                Check.atLeast("unfinished handshakes closed by the server", waiting.lives().size(), unfinished,
                        "%,.0f"),
                Check.atMost("unfinished handshake: longest open, s", waiting.longestMillis() / 1000.0,
                        target.headLimit().toMillis() / 1000.0, "%.2f"),
                Check.atLeast("handshakes dropped midway", dropped, dropsPerSecond * length.toSeconds() / 2.0,
                        "%,.0f"));
    }

    /** Even rounds: the whole ClientHello, the server's first answer, then a reset; odd: half of it, then gone. */
    private static void drop(Target target, byte[] hello, long round) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(Target.loopback(DROPPED_FROM), 0));
            socket.connect(target.server().address(), 5_000);
            if (round % 2 == 0) {
                socket.getOutputStream().write(hello);
                socket.setSoTimeout(2_000);
                InputStream in = socket.getInputStream();
                try {
                    in.read(new byte[512]);
                } catch (SocketTimeoutException e) {
                    // gone before the server's answer then
                }
                socket.setSoLinger(true, 0);
            } else {
                socket.getOutputStream().write(Arrays.copyOf(hello, hello.length / 2));
            }
        }
    }

    /** The first flight of a TLS client: a ClientHello as the JDK sends it, with its key shares. */
    static byte[] clientHello() throws GeneralSecurityException, IOException {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.beginHandshake();
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] hello = new byte[out.remaining()];
        out.get(hello);
        if (hello.length == 0 || hello[0] != 0x16) {
            throw new IOException("the JDK's TLS engine made no ClientHello");
        }
        return hello;
    }
}

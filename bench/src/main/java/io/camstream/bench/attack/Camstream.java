package io.camstream.bench.attack;

import io.camstream.bench.matrix.ServerProcess;
import io.camstream.bench.report.ProcessProbe;
import io.camstream.bench.report.ProcessSample;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * camstream started from its distribution ({@code bin/camstream}, so with the connection gate), its output in a log
 * file, and what can be read of it from outside: its port, its descriptors, threads and memory from {@code /proc},
 * its health, the bytes it logged.
 */
final class Camstream implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile(" at https?://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern COUNT = Pattern.compile("\"%s\":(\\d+)");

    private final String name;
    private final ServerProcess process;
    private final Path log;
    private final SocketFactory sockets;
    private ProcessProbe probe;
    private ProcessSample started;
    private int port;

    private Camstream(String name, ServerProcess process, Path log, SocketFactory sockets) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.sockets = sockets;
    }

    /**
     * Launches camstream; {@link #awaitListening} waits until it serves.
     *
     * @param name    what the report calls this server
     * @param home    the distribution
     * @param config  its configuration file
     * @param log     where its output goes (replaced)
     * @param wrapper a command that runs the launcher in its place, such as {@code prlimit --nofile=320:320}, or none
     * @param sockets how clients reach it: plain sockets, or TLS ones that trust its certificate
     */
    static Camstream launch(String name, Path home, Path config, Path log, List<String> wrapper,
                            SocketFactory sockets) throws IOException {
        Files.deleteIfExists(log);
        Files.createFile(log);
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(home.resolve("bin/camstream").toString(), "--config", config.toString()));
        // No startup cache: building one runs a second JVM in the background, which would take CPU from the attacks.
        return new Camstream(name, ServerProcess.start(command, Map.of("XDG_CACHE_HOME", "/dev/null"), log), log,
                sockets);
    }

    /** Waits for the line that names the port it listens on. */
    void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Matcher listening = LISTENING.matcher(Files.readString(log));
            if (listening.find()) {
                port = Integer.parseInt(listening.group(1));
                probe = ProcessProbe.of(process.pid());
                started = probe.sample();
                return;
            }
            if (!process.alive()) {
                throw new IOException(name + " camstream exited at start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new IOException(name + " camstream did not listen within " + timeout.toSeconds() + " s: "
                + Files.readString(log));
    }

    String name() {
        return name;
    }

    /** @return plain or TLS sockets, as it speaks */
    SocketFactory sockets() {
        return sockets;
    }

    boolean tls() {
        return sockets instanceof SSLSocketFactory;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.alive();
    }

    /** @return its open descriptors, threads and resident memory now */
    Figures figures() throws IOException {
        ProcessSample sample = probe.sample();
        return new Figures(probe.descriptors(), sample.threads(), sample.rssKiB());
    }

    /** @return the CPU time it has used since it listened, in seconds */
    double cpuSeconds() throws IOException {
        return probe.cpuSeconds(started, probe.sample());
    }

    /** @return bytes written to its log so far */
    long logSize() throws IOException {
        return Files.size(log);
    }

    /** @return what it logged from the given offset on */
    String logSince(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    Path log() {
        return log;
    }

    /**
     * Asks for its health, which says what the connection gate has seen.
     *
     * @param from the local address to ask from
     * @return the answer's head and body
     * @throws IOException when it does not answer within a second
     */
    String health(InetAddress from) throws IOException {
        try (Socket socket = sockets.createSocket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(address(), 1_000);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(("GET /observe/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** @return a count from a health answer, such as {@code acceptFailures}; -1 when it has none */
    static long count(String health, String key) {
        Matcher matcher = Pattern.compile(COUNT.pattern().formatted(key)).matcher(health);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }

    /**
     * What the server holds, from {@code /proc/PID}.
     *
     * @param descriptors open file descriptors
     * @param threads     threads
     * @param rssKiB      resident memory ({@code VmRSS})
     */
    record Figures(int descriptors, int threads, long rssKiB) {

        Figures max(Figures other) {
            return new Figures(Math.max(descriptors, other.descriptors), Math.max(threads, other.threads),
                    Math.max(rssKiB, other.rssKiB));
        }

        double rssMiB() {
            return rssKiB / 1024.0;
        }
    }
}

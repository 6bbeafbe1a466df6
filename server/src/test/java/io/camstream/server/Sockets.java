package io.camstream.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw client sockets for what the connection limits do: from which loopback address, and when the server closes. */
final class Sockets {

    private Sockets() {
    }

    /** A connection to the server on 127.0.0.1 from the given loopback address (the whole of 127/8 is this host). */
    static Socket connect(int port, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /**
     * Reads and throws away what comes until the server closes the connection, and says how long after {@code since}
     * (a {@link System#nanoTime()}) that was; fails when it stays open past the limit.
     */
    static Duration closedAfter(Socket socket, long since, Duration limit) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            try {
                if (in.read(buffer) < 0) {
                    return Duration.ofNanos(System.nanoTime() - since);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open for " + limit);
            } catch (SocketException e) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
        }
    }

    /**
     * Sends one byte of the text every period until the server closes the connection, and says how long after
     * {@code since} that was; fails when it stays open past the limit.
     */
    static Duration trickledUntilClosed(Socket socket, String text, Duration period, long since, Duration limit)
            throws IOException, InterruptedException {
        socket.setSoTimeout(1);
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i = (i + 1) % text.length()) {
            try {
                socket.getOutputStream().write(text.charAt(i));
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() < 0) {
                    return Duration.ofNanos(System.nanoTime() - since);
                }
            } catch (SocketTimeoutException e) {
                Thread.sleep(period);
            } catch (SocketException e) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
        }
        throw new AssertionError("the server kept the trickling connection open for " + limit);
    }
}

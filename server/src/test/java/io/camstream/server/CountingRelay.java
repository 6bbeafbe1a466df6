package io.camstream.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that counts the connections clients open through it and the requests they send (the
 * targets of their request lines, for clients that send no request bodies), bytes passed untouched.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    CountingRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    int connections() {
        return accepted.get();
    }

    /** @return the targets of the requests sent so far ({@code /cameras/a/snapshot?width=320}), in order */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                Thread.ofVirtual().start(() -> pump(client, server, new RequestLines()));
                Thread.ofVirtual().start(() -> pump(server, client, null));
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to, RequestLines lines) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (lines != null) {
                    lines.scan(buffer, n);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // either side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Picks the request lines out of one connection's bytes, however they are split into reads. */
    private final class RequestLines {

        private final StringBuilder line = new StringBuilder();

        void scan(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                char c = (char) (bytes[i] & 0xFF);
                if (c != '\n') {
                    line.append(c);
                    continue;
                }
                String[] words = line.toString().split(" ");
                if (words.length == 3 && words[2].startsWith("HTTP/") && words[0].matches("[A-Z]+")) {
                    requests.add(words[1]);
                }
                line.setLength(0);
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}

package io.camstream.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loopback ports for programs that must be told theirs, and a check that one of them listens. */
final class FreePort {

    private FreePort() {
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the kernel's table rather than connecting, since a connection would use up a one-client listener. */
    static boolean listening(int port) {
        String local = String.format(Locale.ROOT, "0100007F:%04X", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                    .map(line -> line.trim().split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].equals(local) && f[3].equals("0A"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

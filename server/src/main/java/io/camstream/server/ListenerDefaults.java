package io.camstream.server;

import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServerConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listener settings that suit endless streams of large frames. They are applied before the {@code server} config
 * node, so any of them can be set there instead.
 */
final class ListenerDefaults {

    private static final System.Logger LOGGER = System.getLogger(ListenerDefaults.class.getName());

    /**
     * A stream's socket send buffer ({@code server.connection-options.socket-send-buffer-size}). What a viewer
     * cannot take yet waits here, and it is all stale by the time it arrives: with the kernel's auto-tuning (up to
     * 4 MiB) a viewer held to 100 kB/s was shown frames 10 s old. The kernel doubles the value; 80 KiB holds one
     * whole 720p frame (about 67 kB), so a viewer that keeps up takes each frame in one write without its thread
     * parking, while a slow viewer's frames stay under two seconds old (1.8 s at 100 kB/s). 32 KiB gave 1.7 s but
     * cost fast viewers 40 ms of frame age and a fifth more CPU; 48 KiB gave 2.1 s. Larger frames want a larger
     * buffer, far viewers too: one viewer has at most this much in flight per round trip.
     */
    static final int SEND_BUFFER_BYTES = 40 * 1024;

    private ListenerDefaults() {
    }

    static void apply(WebServerConfig.Builder server) {
        // Helidon's NIO socket (the default) writes through an 8 KiB heap buffer: a 67 kB frame took nine copies
        // and nine system calls per viewer. The plain socket writes it in one.
        server.useNio(false)
                .connectionOptions(SocketOptions.builder().socketSendBufferSize(SEND_BUFFER_BYTES).build());
    }

    /**
     * TLS listeners use Helidon's NIO socket unless {@code use-nio} is set for them. With the plain socket, Helidon
     * 4.5 layers an {@code SSLSocket} that does not close the connection's channel, and every TLS connection left
     * a file descriptor open for good (100 requests, 100 descriptors). Encryption costs far more than the copies
     * the plain socket saves: 20 viewers of a 720p stream over TLS took 293 to 313 µs of CPU per frame with NIO,
     * 280 to 304 µs without (docs/RELIABILITY.md).
     *
     * @param server the server, configured
     * @param config the {@code server} node it was configured from
     */
    static void tlsOverNio(WebServerConfig.Builder server, Config config) {
        if (encrypted(server.tls()) && !config.get("use-nio").exists()) {
            server.useNio(true);
        } else if (encrypted(server.tls()) && !server.useNio()) {
            LOGGER.log(System.Logger.Level.WARNING, "server.use-nio: false on a TLS listener: Helidon 4.5 then leaves "
                    + "a file descriptor open for every TLS connection; remove the key to have it use NIO");
        }
        List<Config> sockets = config.get("sockets").asNodeList().orElse(List.of());
        for (Map.Entry<String, ListenerConfig> socket : Map.copyOf(server.sockets()).entrySet()) {
            boolean configured = sockets.stream().anyMatch(node -> node.get("name").asString()
                    .filter(socket.getKey()::equals).isPresent() && node.get("use-nio").exists());
            if (encrypted(socket.getValue().tls()) && !configured) {
                server.putSocket(socket.getKey(),
                        ListenerConfig.builder().from(socket.getValue()).useNio(true).build());
            }
        }
    }

    private static boolean encrypted(Optional<Tls> tls) {
        return tls.map(Tls::enabled).orElse(false);
    }
}

package io.camstream.server;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServerConfig;

/**
 * Listener settings that suit endless streams of large frames. They are applied before the {@code server} config
 * node, so any of them can be set there instead.
 */
final class ListenerDefaults {

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
}

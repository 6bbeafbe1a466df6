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
     * 4 MiB) a viewer held to 100 kB/s was shown frames 10 s old. 32 KiB (the kernel doubles it) keeps that under
     * two seconds; the price is a ceiling of about 64 KiB per round trip for one viewer, 3 MB/s at 20 ms.
     */
    static final int SEND_BUFFER_BYTES = 32 * 1024;

    private ListenerDefaults() {
    }

    static void apply(WebServerConfig.Builder server) {
        // Helidon's NIO socket (the default) writes through an 8 KiB heap buffer: a 67 kB frame took nine copies
        // and nine system calls per viewer. The plain socket writes it in one.
        server.useNio(false)
                .connectionOptions(SocketOptions.builder().socketSendBufferSize(SEND_BUFFER_BYTES).build());
    }
}

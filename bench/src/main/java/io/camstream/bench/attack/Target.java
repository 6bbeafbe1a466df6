package io.camstream.bench.attack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A server under attack and what attackers may know of it: its address, its limits, and the login of a normal
 * viewer (for requests that would be served if the server took them).
 *
 * @param kind              which of the suite's servers it is
 * @param server            the running server
 * @param headerReadTimeout its {@code header-read-timeout}
 * @param perClientCap      its {@code max-connections-per-client}
 * @param user              a user name it knows
 * @param password          that user's password
 */
record Target(Kind kind, Camstream server, Duration headerReadTimeout, int perClientCap, String user,
              String password) {

    /** A camera path every server has. */
    static final String STREAM = "/cameras/desk/stream";
    /**
     * The gate's deadline thread ticks every 0.1 s, and a loaded two-core machine schedules late: 384 trickled heads
     * at a load average of 7 were closed up to 1.1 s after their 10 s.
     */
    static final Duration LATE = Duration.ofSeconds(2);

    /** The suite's servers. */
    enum Kind {
        /** plain HTTP with the default connection caps: most attacks */
        PLAIN,
        /**
         * HTTPS under a low open-file limit, its connection caps above it: the TLS attacks, then the descriptor
         * attack (one server for both: each start costs seconds of CPU)
         */
        HTTPS
    }

    /** @return the {@code Authorization} header line of the normal viewer, with its CRLF */
    String authorization() {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** @return the longest a connection may live without sending a complete request head */
    Duration headLimit() {
        return headerReadTimeout.plus(LATE);
    }

    /**
     * Loopback addresses for attackers: on Linux the whole of 127.0.0.0/8 is this machine.
     *
     * @param first the last byte of the first
     * @param count how many
     */
    static List<InetAddress> addresses(int first, int count) {
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            addresses.add(loopback(first + i));
        }
        return addresses;
    }

    static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

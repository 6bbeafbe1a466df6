package io.camstream.server.net;

import io.camstream.server.auth.TrustedProxies;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How long and how many connections may stay, from the {@code camstream} node.
 *
 * @param headerReadTimeout       a connection must send a complete request line and headers this long after it was
 *                                accepted ({@code header-read-timeout}), and each later request this long after its
 *                                request line
 * @param keepAliveTimeout        a connection idle between requests is closed after this long
 *                                ({@code keep-alive-timeout})
 * @param maxConnections          connections at once in all ({@code max-connections})
 * @param maxConnectionsPerClient connections at once from one client address ({@code max-connections-per-client})
 * @param connectionRatePerClient new connections a second from one client address, 0 for no limit
 *                                ({@code connection-rate-per-client}; see {@link ConnectionRate})
 * @param trustedProxies          reverse proxies, exempt from the per-client cap and rate
 *                                ({@code auth.trusted-proxies})
 */
public record ConnectionSettings(Duration headerReadTimeout, Duration keepAliveTimeout, int maxConnections,
                                 int maxConnectionsPerClient, int connectionRatePerClient,
                                 TrustedProxies trustedProxies) {

    /**
     * Descriptors kept for everything but connections: the JVM's own (about 60: jars, pollers), drivers' child
     * processes and their pipes, files, the http driver's upstream connections.
     */
    static final int RESERVED_DESCRIPTORS = 128;
    /**
     * Heap one connection may cost: an idle TLS connection took 85 KB after its handshake (four buffers of about
     * 16 KiB and the session), a plain one 14 KB before its first byte (docs/RELIABILITY.md). Connections get half
     * the heap by default.
     */
    static final long HEAP_PER_CONNECTION = 96 * 1024;
    static final int DEFAULT_PER_CLIENT = 128;

    /**
     * Reads the settings. The default of {@code max-connections} is what the process's descriptor limit and heap
     * allow, so that connections alone never exhaust either.
     *
     * @param camstream the {@code camstream} node
     * @return the settings
     */
    public static ConnectionSettings from(Config camstream) {
        int maxConnections = ConfigValues.intValue(camstream, "max-connections",
                defaultMaxConnections(descriptorLimit(), Runtime.getRuntime().maxMemory()), 1, 1_000_000);
        return new ConnectionSettings(
                ConfigValues.durationValue(camstream, "header-read-timeout", Duration.ofSeconds(10),
                        Duration.ofMillis(100), Duration.ofHours(1)),
                ConfigValues.durationValue(camstream, "keep-alive-timeout", Duration.ofSeconds(60),
                        Duration.ofMillis(100), Duration.ofHours(1)),
                maxConnections,
                ConfigValues.intValue(camstream, "max-connections-per-client", Math.min(DEFAULT_PER_CLIENT,
                        maxConnections), 1, 1_000_000),
                ConfigValues.intValue(camstream, "connection-rate-per-client", 0, 0, 1_000_000),
                TrustedProxies.from(camstream));
    }

    static int defaultMaxConnections(long descriptorLimit, long maxHeap) {
        long byDescriptors = descriptorLimit - Math.max(RESERVED_DESCRIPTORS, descriptorLimit / 10);
        long byHeap = maxHeap / 2 / HEAP_PER_CONNECTION;
        return (int) Math.clamp(Math.min(byDescriptors, byHeap), 16, 1_000_000);
    }

    /** The process's limit of open files, or a common default where the JVM cannot tell. */
    static long descriptorLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 1024;
    }
}

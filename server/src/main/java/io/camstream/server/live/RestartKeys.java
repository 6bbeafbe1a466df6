package io.camstream.server.live;

import io.helidon.config.Config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which keys of a configuration file take effect only when camstream starts. The others are applied while it runs:
 * the cameras, the users and who may watch which camera, the health and metrics rules, the trusted proxies, the
 * server's stream limit, the connection gate's times and caps, whether the file is watched, and (on a server started
 * with TLS) the TLS key and trust material. Everything else, {@code server.*} first of all, needs a restart.
 */
final class RestartKeys {

    private static final List<String> LIVE = List.of("camstream.cameras", "camstream.auth.users",
            "camstream.auth.protect-health", "camstream.auth.open-metrics", "camstream.auth.trusted-proxies",
            "camstream.server-max-viewers", "camstream.header-read-timeout", "camstream.keep-alive-timeout",
            "camstream.max-connections", "camstream.max-connections-per-client",
            "camstream.connection-rate-per-client", "camstream.watch-config");
    /** Helidon reloads a listener's keys and trust, not its protocols, ciphers or client authentication. */
    private static final List<String> CERTIFICATES = List.of("server.tls.private-key", "server.tls.trust");

    private RestartKeys() {
    }

    /**
     * The keys that differ between two versions of the file and need a restart to take effect.
     *
     * @param started     the file the server started with, its own keys alone
     * @param now         a later version, its own keys alone
     * @param tlsReloads whether the server has TLS, so that its certificates can change
     * @return the keys, in order
     */
    static List<String> changed(Config started, Config now, boolean tlsReloads) {
        Map<String, String> before = started.asMap().orElse(Map.of());
        Map<String, String> after = now.asMap().orElse(Map.of());
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.removeIf(key -> Objects.equals(before.get(key), after.get(key)) || under(LIVE, key)
                || (tlsReloads && under(CERTIFICATES, key)));
        return List.copyOf(keys);
    }

    /**
     * Whether a key holds TLS key or trust material.
     *
     * @param key a full key
     * @return {@code true} under {@code server.tls.private-key} or {@code server.tls.trust}
     */
    static boolean certificate(String key) {
        return under(CERTIFICATES, key);
    }

    private static boolean under(List<String> prefixes, String key) {
        return prefixes.stream().anyMatch(prefix -> key.equals(prefix) || key.startsWith(prefix + "."));
    }
}

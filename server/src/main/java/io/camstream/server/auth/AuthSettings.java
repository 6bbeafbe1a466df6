package io.camstream.server.auth;

import io.camstream.spi.CameraConfigException;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may watch: {@code camstream.auth.users} (each a {@code username} and a {@code password-hash}),
 * {@code protect-health}, {@code open-metrics}, {@code trusted-proxies}, {@code link-key-file}, and each camera's
 * optional {@code allowed-users}.
 *
 * @param users          password hashes by user name; empty when anyone may watch
 * @param protectHealth  whether {@code /observe/health} needs a login too
 * @param openMetrics    whether {@code /observe/metrics} is open without a login
 * @param trustedProxies the proxies whose forwarding headers name the real client
 * @param linkKeyFile    the file with the key that signs links
 * @param allowedUsers   for the cameras that restrict viewers, who may watch them
 */
public record AuthSettings(Map<String, PasswordHash> users, boolean protectHealth, boolean openMetrics,
                           TrustedProxies trustedProxies, Path linkKeyFile, Map<String, Set<String>> allowedUsers) {

    /**
     * Reads the settings.
     *
     * @param camstream          the {@code camstream} node
     * @param defaultLinkKeyFile the key file when {@code link-key-file} is not set
     * @return the settings
     * @throws CameraConfigException when a user, hash or allowed user is wrong; the message never shows a hash
     */
    public static AuthSettings from(Config camstream, Path defaultLinkKeyFile) {
        Config auth = camstream.get("auth");
        Map<String, PasswordHash> users = users(auth.get("users"));
        boolean protectHealth = ConfigValues.booleanValue(auth, "protect-health", false);
        boolean openMetrics = ConfigValues.booleanValue(auth, "open-metrics", false);
        Path keyFile = ConfigValues.stringValue(auth, "link-key-file")
                .map(defaultLinkKeyFile::resolveSibling)   // a relative name is read beside the default
                .orElse(defaultLinkKeyFile);
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (Config camera : camstream.get("cameras").asNodeList().orElse(List.of())) {
            Config list = camera.get("allowed-users");
            if (!list.exists()) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>(list.asList(String.class).orElseThrow(() ->
                    new CameraConfigException(list.key() + ": expected a list of user names")));
            for (String name : names) {
                if (!users.containsKey(name)) {
                    throw new CameraConfigException(list.key() + ": '" + name + "' is not one of camstream.auth.users ("
                            + (users.isEmpty() ? "none are configured, so every camera is open" : String.join(", ",
                            users.keySet())) + ")");
                }
            }
            allowed.put(camera.get("name").asString().orElse(""), Set.copyOf(names));
        }
        return new AuthSettings(Map.copyOf(users), protectHealth, openMetrics, TrustedProxies.from(camstream),
                keyFile, Map.copyOf(allowed));
    }

    /**
     * Whether logins are required at all.
     *
     * @return {@code true} when users are configured
     */
    public boolean enabled() {
        return !users.isEmpty();
    }

    private static Map<String, PasswordHash> users(Config list) {
        Map<String, PasswordHash> users = new LinkedHashMap<>();
        for (Config user : list.asNodeList().orElse(List.of())) {
            String name = ConfigValues.stringValue(user, "username").orElseThrow(() ->
                    new CameraConfigException(user.key() + ": a user needs a 'username'"));
            if (name.contains(":")) {
                throw new CameraConfigException(ConfigValues.fullKey(user, "username") + ": '" + name
                        + "' contains ':', which HTTP Basic auth cannot carry in a user name");
            }
            String text = ConfigValues.stringValue(user, "password-hash").orElseThrow(() ->
                    new CameraConfigException(user.key() + ": user '" + name + "' needs a 'password-hash' "
                            + "(make one with 'camstream hash-password')"));
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CameraConfigException(ConfigValues.fullKey(user, "password-hash") + ": the value "
                        + e.getMessage());
            }
            if (users.putIfAbsent(name, hash) != null) {
                throw new CameraConfigException(ConfigValues.fullKey(user, "username") + ": '" + name
                        + "' appears twice in camstream.auth.users");
            }
        }
        return users;
    }
}

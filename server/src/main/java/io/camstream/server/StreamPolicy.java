package io.camstream.server;

import io.camstream.server.auth.AuthSettings;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server-wide rules for viewers, from the {@code camstream} node: who may log in
 * ({@code auth}), how many streams may run ({@code server-max-viewers}, 0 for no limit) and how long one write to
 * a viewer may block ({@code viewer-write-timeout}).
 *
 * @param auth               users and per-camera access
 * @param serverMaxViewers   the most streams at once, 0 for no limit
 * @param viewerWriteTimeout a viewer whose socket accepts no bytes for this long is disconnected
 */
record StreamPolicy(AuthSettings auth, int serverMaxViewers, Duration viewerWriteTimeout) {

    static StreamPolicy from(Config camstream, Path defaultLinkKeyFile) {
        return new StreamPolicy(
                AuthSettings.from(camstream, defaultLinkKeyFile),
                ConfigValues.intValue(camstream, "server-max-viewers", 0, 0, 1_000_000),
                ConfigValues.durationValue(camstream, "viewer-write-timeout", Duration.ofSeconds(10),
                        Duration.ofMillis(100), Duration.ofHours(1)));
    }
}

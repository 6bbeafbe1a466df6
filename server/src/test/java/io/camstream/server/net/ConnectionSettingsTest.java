package io.camstream.server.net;

import io.camstream.spi.CameraConfigException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void theDefaultCapLeavesDescriptorsForEverythingElse() {
        assertThat(ConnectionSettings.defaultMaxConnections(1024, 4 * GIB)).isEqualTo(1024 - 128);
        assertThat(ConnectionSettings.defaultMaxConnections(65_536, 16 * GIB)).isEqualTo(65_536 - 6_553);
        assertThat(ConnectionSettings.defaultMaxConnections(256, 4 * GIB)).isEqualTo(128);
    }

    @Test
    void theDefaultCapKeepsConnectionsToHalfTheHeap() {
        // 256 MiB of heap, as bin/camstream gives a 1 GiB Raspberry Pi: 128 MiB at 96 KiB a connection
        assertThat(ConnectionSettings.defaultMaxConnections(524_288, GIB / 4)).isEqualTo(1_365);
    }

    @Test
    void keysOverrideTheDefaultsThePerClientCapDefaultsTo128AndTheRateToNone() {
        ConnectionSettings settings = ConnectionSettings.from(camstream("""
                header-read-timeout: 3s
                keep-alive-timeout: 20s
                max-connections: 500
                auth:
                  trusted-proxies: [127.0.0.1]
                """));
        assertThat(settings.headerReadTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxConnections()).isEqualTo(500);
        assertThat(settings.maxConnectionsPerClient()).isEqualTo(128);
        assertThat(settings.connectionRatePerClient()).isZero();
        assertThat(settings.trustedProxies().ranges()).hasSize(1);
        assertThat(ConnectionSettings.from(camstream("connection-rate-per-client: 20")).connectionRatePerClient())
                .isEqualTo(20);
    }

    @Test
    void aWrongValueNamesTheKeyAndTheRange() {
        assertThatThrownBy(() -> ConnectionSettings.from(camstream("max-connections-per-client: 0")))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("camstream.max-connections-per-client")
                .hasMessageContaining("1 to 1000000");
        assertThatThrownBy(() -> ConnectionSettings.from(camstream("connection-rate-per-client: -1")))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("camstream.connection-rate-per-client")
                .hasMessageContaining("0 to 1000000");
    }

    private static Config camstream(String yaml) {
        return Config.just(ConfigSources.create("camstream:\n" + yaml.indent(2), MediaTypes.APPLICATION_X_YAML))
                .get("camstream");
    }
}

package io.camstream.server.net;

import io.camstream.spi.CameraConfigException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangesTest {

    @Test
    void addressesAndNetworksOfBothFamiliesMatchWhatTheyCover() throws Exception {
        AddressRanges ranges = AddressRanges.from(node("[127.0.0.1, 10.0.0.0/8, '::1', 'fd00::/8']"));
        assertThat(ranges.contains(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(ranges.contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("fd12:3456::9"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("fe80::1"))).isFalse();
    }

    @Test
    void oneStringSeparatedByCommasWorksLikeAList() throws Exception {
        AddressRanges ranges = AddressRanges.from(node("'192.168.1.0/24, 127.0.0.1'"));
        assertThat(ranges.contains(InetAddress.getByName("192.168.1.77"))).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("192.168.2.1"))).isFalse();
    }

    @Test
    void aMissingKeyTrustsNoOne() throws Exception {
        AddressRanges ranges = AddressRanges.from(Config.empty().get("trusted-proxies"));
        assertThat(ranges.isEmpty()).isTrue();
        assertThat(ranges.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void hostNamesAndBadPrefixesAreRefusedNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> AddressRanges.from(node("[proxy.lan]")))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("trusted-proxies")
                .hasMessageContaining("'proxy.lan' is not an IP address or network");
        assertThatThrownBy(() -> AddressRanges.from(node("['10.0.0.0/33']")))
                .hasMessageContaining("'10.0.0.0/33' is not an IP address or network");
    }

    private static Config node(String value) {
        return Config.just(ConfigSources.create("trusted-proxies: " + value, MediaTypes.APPLICATION_X_YAML))
                .get("trusted-proxies");
    }
}

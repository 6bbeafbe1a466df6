package io.camstream.server.auth;

import io.camstream.spi.CameraConfigException;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies proxies = proxies("[127.0.0.1, 10.0.0.0/8, \"fd00::/8\"]");

    @Test
    void trustsListedAddressesAndRanges() throws Exception {
        assertThat(proxies.trusts(address("127.0.0.1"))).isTrue();
        assertThat(proxies.trusts(address("127.0.0.2"))).isFalse();
        assertThat(proxies.trusts(address("10.200.3.4"))).isTrue();
        assertThat(proxies.trusts(address("11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(address("fd12::1"))).isTrue();
        assertThat(proxies.trusts(address("fe80::1"))).isFalse();
    }

    @Test
    void theClientIsTheNearestAddressNoTrustedProxyHas() throws Exception {
        assertThat(client("127.0.0.1", "X-Forwarded-For", "198.51.100.1, 203.0.113.5, 10.0.0.7"))
                .isEqualTo(address("203.0.113.5"));
        assertThat(client("127.0.0.1", "Forwarded", "for=198.51.100.1, for=\"[2001:db8::17]:4711\";proto=https"))
                .isEqualTo(address("2001:db8::17"));
        assertThat(client("127.0.0.1", "Forwarded", "for=\"203.0.113.5:80\"")).isEqualTo(address("203.0.113.5"));
    }

    @Test
    void headersFromAnUntrustedPeerOrThatNameNoAddressLeaveThePeer() throws Exception {
        assertThat(client("192.0.2.9", "X-Forwarded-For", "203.0.113.5")).isEqualTo(address("192.0.2.9"));
        assertThat(client("127.0.0.1", "X-Forwarded-For", "unknown")).isEqualTo(address("127.0.0.1"));
        assertThat(client("127.0.0.1", "Forwarded", "for=_hidden")).isEqualTo(address("127.0.0.1"));
        assertThat(client("127.0.0.1", "X-Forwarded-For", "camera.example.org")).isEqualTo(address("127.0.0.1"));
    }

    @Test
    void anEntryThatIsNoAddressIsAConfigError() {
        for (String bad : new String[] {"localhost", "10.0.0.0/33", "127.0.0.1:8080", "10.0.0/8x"}) {
            assertThatThrownBy(() -> proxies("[\"" + bad + "\"]")).as(bad)
                    .isInstanceOf(CameraConfigException.class)
                    .hasMessage("camstream.auth.trusted-proxies: '" + bad + "' is not an IP address or range (allowed:"
                            + " addresses and CIDR ranges such as 127.0.0.1, ::1, 10.0.0.0/8, fd00::/8; no host names)");
        }
    }

    private InetAddress client(String peer, String header, String value) throws Exception {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.add(HeaderNames.create(header), value);
        return proxies.clientOf(address(peer), headers);
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private static TrustedProxies proxies(String list) {
        return TrustedProxies.from(Config.just(ConfigSources.create("camstream:\n  auth:\n    trusted-proxies: "
                + list + "\n", MediaTypes.APPLICATION_X_YAML)).get("camstream"));
    }
}

package io.camstream.server.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsItsAddress() throws Exception {
        assertThat(ClientAddress.of(InetAddress.getByName("127.0.0.2"))).hasToString("127.0.0.2")
                .isNotEqualTo(ClientAddress.of(InetAddress.getByName("127.0.0.3")));
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() throws Exception {
        ClientAddress one = ClientAddress.of(InetAddress.getByName("2001:db8:1:2::1"));
        assertThat(one).isEqualTo(ClientAddress.of(InetAddress.getByName("2001:db8:1:2:ffff:1234:5:6")))
                .isNotEqualTo(ClientAddress.of(InetAddress.getByName("2001:db8:1:3::1")));
        assertThat(one.toString()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }
}

package io.camstream.server.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM camstream runs in looks up no host names of addresses (Helidon asks one for every TLS client), and still
 * resolves names to addresses.
 */
class NoReverseLookupsTest {

    @Test
    void anAddressKnownByNameInTheHostsFileStillHasItsLiteralForAHostName() throws Exception {
        // /etc/hosts names 127.0.0.1 "localhost": the JDK's own resolver would answer that
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});

        assertThat(loopback.getHostName()).isEqualTo("127.0.0.1");
        assertThat(new InetSocketAddress(loopback, 443).getHostName()).isEqualTo("127.0.0.1");
    }

    @Test
    void namesAreStillResolvedToAddresses() throws Exception {
        assertThat(InetAddress.getByName("localhost").isLoopbackAddress()).isTrue();
    }
}

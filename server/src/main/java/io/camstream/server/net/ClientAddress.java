package io.camstream.server.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whom a connection counts against for {@code camstream.max-connections-per-client}: its IPv4 address, or the /64
 * network of its IPv6 address, since one host or household is given a whole /64 and could take a new address for
 * every connection.
 *
 * @param network the IPv4 address, or the IPv6 address with its last 64 bits cleared
 */
record ClientAddress(InetAddress network) {

    static ClientAddress of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return new ClientAddress(address);
        }
        byte[] bytes = address.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return new ClientAddress(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }

    @Override
    public String toString() {
        return network instanceof Inet6Address ? network.getHostAddress() + "/64" : network.getHostAddress();
    }
}

package io.camstream.server.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * Name lookups as the JDK does them, but never a reverse (address to name) one: an address's host name is its
 * literal. Helidon 4.5 opens the {@code SSLEngine} of every TLS connection on its NIO socket (which camstream's TLS
 * listeners use) with the client's host name, {@code InetSocketAddress.getHostName()}: a reverse DNS query, a native
 * call that holds the connection's virtual thread on its carrier, so the scheduler adds a carrier thread for each
 * one waiting (up to 256; beyond, virtual threads, every stream's included, wait for a free carrier). The attack
 * suite's 40 unfinished TLS handshakes at a time from 127.0.0.4 left 30 carrier threads more, for half a minute,
 * with a resolver that answers in 10 ms; the owner of an address decides how slowly its reverse DNS answers.
 * camstream has no use for client host names. The JDK finds this provider with {@code ServiceLoader} on the class
 * path.
 */
public final class NoReverseLookups extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                throw new UnknownHostException("camstream looks up no host names of addresses");
            }
        };
    }

    @Override
    public String name() {
        return "camstream: the JDK's lookups without reverse ones";
    }
}

package io.camstream.server.net;

import java.net.InetSocketAddress;

/**
 * What both the accepted channel and Helidon's view of the connection tell: the client's address and port, and the
 * local port it came to. A TCP connection is unique by these.
 *
 * @param remote    the client's address and port
 * @param localPort the listener's port
 */
record PeerKey(InetSocketAddress remote, int localPort) {

    @Override
    public String toString() {
        return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}

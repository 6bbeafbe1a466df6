package io.camstream.server.auth;

import io.camstream.spi.CameraConfigException;
import io.helidon.config.Config;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code camstream.auth.trusted-proxies}: the addresses (or CIDR ranges, {@code 10.0.0.0/8}, {@code fd00::/8}) of
 * reverse proxies whose {@code Forwarded} and {@code X-Forwarded-For} headers name the real client. From anyone
 * else these headers are ignored, since a client can send them with any address it likes. Empty by default.
 *
 * @param ranges the trusted ranges
 */
public record TrustedProxies(List<Range> ranges) {

    /** The config key under {@code camstream}. */
    public static final String KEY = "auth.trusted-proxies";

    private static final HeaderName X_FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");
    /** Only literals: a host name would make every request wait for DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /**
     * One trusted address or range.
     *
     * @param network the range's first address
     * @param prefix  the bits that must match
     */
    public record Range(InetAddress network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] a = network.getAddress();
            byte[] b = address.getAddress();
            if (a.length != b.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((a[i] & mask) != (b[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Reads the list.
     *
     * @param camstream the {@code camstream} node
     * @return the trusted proxies; none when the key is absent
     * @throws CameraConfigException naming the entry that is not an address or range
     */
    public static TrustedProxies from(Config camstream) {
        Config list = camstream.get(KEY);
        if (!list.exists()) {
            return new TrustedProxies(List.of());
        }
        List<String> entries = list.asList(String.class).orElseThrow(() -> new CameraConfigException(
                list.key() + ": expected a list of addresses or ranges, such as [127.0.0.1, 10.0.0.0/8]"));
        List<Range> ranges = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            ranges.add(range(entry).orElseThrow(() -> new CameraConfigException(list.key() + ": '" + entry
                    + "' is not an IP address or range (allowed: addresses and CIDR ranges such as 127.0.0.1, ::1,"
                    + " 10.0.0.0/8, fd00::/8; no host names)")));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /**
     * Whether an address is one of the trusted proxies.
     *
     * @param address a peer's address
     * @return {@code true} when its forwarding headers are believed
     */
    public boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The real client of a request: the peer itself, unless the peer is a trusted proxy; then the nearest address
     * in its {@code Forwarded} (or else {@code X-Forwarded-For}) chain that is not itself a trusted proxy. Each
     * proxy appends the address it heard from, so the chain is read from its end, and only as far as trusted
     * proxies vouch for it: an entry the client wrote itself is never reached while a proxy's is there.
     *
     * @param peer    the address the connection comes from
     * @param headers the request's headers
     * @return the address to count the request against
     */
    public InetAddress clientOf(InetAddress peer, Headers headers) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> chain = headers.contains(HeaderNames.FORWARDED)
                ? forwardedFor(headers.get(HeaderNames.FORWARDED).allValues())
                : split(headers.contains(X_FORWARDED_FOR) ? headers.get(X_FORWARDED_FOR).allValues() : List.of());
        InetAddress client = peer;
        for (int i = chain.size() - 1; i >= 0 && trusts(client); i--) {
            Optional<InetAddress> hop = literal(chain.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    private static List<String> split(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String value : values) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    /** The {@code for=} of each element of RFC 7239 {@code Forwarded} headers, without quotes, brackets or port. */
    private static List<String> forwardedFor(List<String> values) {
        List<String> hops = new ArrayList<>();
        for (String element : split(values)) {
            String node = "";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    node = pair.substring(eq + 1).trim();
                }
            }
            hops.add(node);
        }
        return hops;
    }

    private static Optional<InetAddress> literal(String node) {
        String text = node.replace("\"", "");
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            text = end < 0 ? "" : text.substring(1, end);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));   // IPv4 with a port
        }
        if (text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<Range> range(String entry) {
        int slash = entry.indexOf('/');
        String text = slash < 0 ? entry : entry.substring(0, slash);
        // a single colon is an IPv4 address with a port, which names no range
        boolean oneColon = text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':');
        Optional<InetAddress> address = oneColon ? Optional.empty() : literal(text);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(new Range(address.get(), bits));
        }
        try {
            int prefix = Integer.parseInt(entry.substring(slash + 1));
            return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new Range(address.get(), prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

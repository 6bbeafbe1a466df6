package io.camstream.server.net;

import io.camstream.spi.CameraConfigException;
import io.helidon.config.Config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of addresses and networks written as literals: {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1},
 * {@code fd00::/8}. Host names are refused: a configuration must not depend on a name lookup.
 */
final class AddressRanges {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    static AddressRanges none() {
        return new AddressRanges(List.of());
    }

    /**
     * Reads a list of literals, or one string of them separated by commas.
     *
     * @param node the configuration node
     * @return the ranges; none when the node is missing
     * @throws CameraConfigException naming the key and the value when one is not an address or a network
     */
    static AddressRanges from(Config node) {
        List<String> items = new ArrayList<>();
        if (node.isList()) {
            items.addAll(node.asList(String.class).orElse(List.of()));
        } else {
            node.asString().ifPresent(text -> items.addAll(List.of(text.split(","))));
        }
        List<Range> ranges = new ArrayList<>();
        for (String item : items) {
            if (!item.isBlank()) {
                ranges.add(parse(node.key().toString(), item.trim()));
            }
        }
        return new AddressRanges(ranges);
    }

    boolean contains(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    @Override
    public String toString() {
        return ranges.toString();
    }

    private static Range parse(String key, String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            throw invalid(key, text);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw invalid(key, text);
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(key, text);
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(key, text);
            }
        }
        return new Range(address.getAddress(), prefix, text);
    }

    private static CameraConfigException invalid(String key, String text) {
        return new CameraConfigException(key + ": '" + text + "' is not an IP address or network (allowed: "
                + "addresses such as 127.0.0.1 or ::1, networks such as 10.0.0.0/8 or fd00::/8)");
    }

    /** One address or network. */
    private record Range(byte[] network, int prefix, String text) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

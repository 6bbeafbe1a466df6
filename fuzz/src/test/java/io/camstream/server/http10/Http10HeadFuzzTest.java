package io.camstream.server.http10;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.fuzz.FuzzInput;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ServerConnectionSelector.Support;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any request the HTTP/1.0 selector takes, arriving in pieces of any size: the head handed to Helidon's HTTP/1.1
 * code has an HTTP/1.1 request line, a Host, one {@code Connection: close} and no other connection header, and no
 * line that was not one line of the client's (a lone LF stays inside its line, where Helidon's header check
 * refuses it with 400 as it does over HTTP/1.1), or the connection is closed quietly.
 */
class Http10HeadFuzzTest {

    private static final Http10Selector SELECTOR = new Http10Selector(Http1Config.create());

    @FuzzTest
    void translatesAnyHead(byte[] data) {
        if (SELECTOR.supports(BufferData.create(data)) != Support.SUPPORTED) {
            return;
        }
        FuzzInput input = FuzzInput.of(data);
        int[] at = {0};
        DataReader client = DataReader.create(() -> {
            if (at[0] == data.length) {
                return null;
            }
            int length = Math.min(data.length - at[0], input.cut(100));
            return Arrays.copyOfRange(data, at[0], at[0] += length);
        });
        String head;
        try {
            head = new String(Http10Context.translatedHead(client, LOCAL), StandardCharsets.ISO_8859_1);
        } catch (CloseConnectionException incomplete) {
            return;
        }
        assertThat(head).endsWith("\r\n\r\n");
        List<String> lines = Arrays.asList(head.substring(0, head.length() - 4).split("\r\n", -1));
        assertThat(lines.getFirst()).endsWith(" HTTP/1.1");
        assertThat(lines).noneMatch(line -> line.indexOf('\r') >= 0);
        List<String> sent = Arrays.asList(new String(data, StandardCharsets.ISO_8859_1).split("\r\n", -1));
        assertThat(lines.subList(1, lines.size() - 1)).as("lines the client sent, and a Host when it sent none")
                .allMatch(line -> sent.contains(line) || line.equals("Host: 127.0.0.1:8080"));
        List<String> names = lines.subList(1, lines.size()).stream()
                .map(line -> line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT))
                .toList();
        assertThat(names).filteredOn(name -> name.equals("connection") || name.equals("keep-alive"))
                .containsExactly("connection");
        assertThat(lines.getLast()).isEqualTo("Connection: close");
        assertThat(names).contains("host");
    }

    private static final PeerInfo LOCAL = new PeerInfo() {
        @Override
        public SocketAddress address() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return 8080;
        }

        @Override
        public Optional<Principal> tlsPrincipal() {
            return Optional.empty();
        }

        @Override
        public Optional<Certificate[]> tlsCertificates() {
            return Optional.empty();
        }
    };
}

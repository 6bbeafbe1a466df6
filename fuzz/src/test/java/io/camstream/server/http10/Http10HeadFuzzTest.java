package io.camstream.server.http10;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.fuzz.FuzzInput;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.spi.ServerConnectionSelector.Support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any request the HTTP/1.0 selector takes, arriving in pieces of any size: what Helidon's HTTP/1.1 parser is handed
 * is the client's bytes, unchanged but for the request line's version and, before the blank line that ends the
 * head, a Host (when the client sent none) and {@code Connection: close}; at most a few bytes are held back while
 * the client has not said more. Helidon's own parser then applies HTTP/1.1's limits and checks to those bytes.
 */
class Http10HeadFuzzTest {

    private static final Http10Selector SELECTOR = new Http10Selector(Http1Config.create());
    private static final String HOST = "127.0.0.1:8080";
    /** The request line's version and CR, or the start of a header line ("host:"). */
    private static final int MOST_HELD = 9;

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
        Http10Request translation = new Http10Request(client, HOST);
        ByteArrayOutputStream handed = new ByteArrayOutputStream();
        try {
            while (true) {
                handed.writeBytes(translation.get());
            }
        } catch (DataReader.InsufficientDataAvailableException clientDone) {
            // every byte the client sent has been through
        }
        String sent = new String(data, StandardCharsets.ISO_8859_1);
        String expected = expected(sent);
        String out = handed.toString(StandardCharsets.ISO_8859_1);
        assertThat(expected).as("what Helidon is handed is the translation of what was sent").startsWith(out);
        assertThat(expected.length() - out.length()).as("bytes held back").isLessThanOrEqualTo(MOST_HELD);
        if (expected.contains("Connection: close\r\n") && !sent.contains("Connection: close\r\n")) {
            assertThat(out).as("a complete head is handed on whole").isEqualTo(expected);
        }
    }

    /** The translation, written the plain way: the whole request at once. */
    private static String expected(String sent) {
        int lineEnd = sent.indexOf('\n') + 1;
        String requestLine = sent.substring(0, lineEnd);
        StringBuilder out = new StringBuilder(requestLine.endsWith(" HTTP/1.0\r\n")
                ? requestLine.substring(0, requestLine.length() - "1.0\r\n".length()) + "1.1\r\n" : requestLine);
        boolean host = false;
        for (int start = lineEnd; start < sent.length(); ) {
            char first = sent.charAt(start);
            if (first == '\r' || first == '\n') {
                out.append(host ? "" : "Host: " + HOST + "\r\n").append("Connection: close\r\n")
                        .append(sent, start, sent.length());
                return out.toString();
            }
            int end = sent.indexOf('\n', start);
            end = end < 0 ? sent.length() : end + 1;
            String line = sent.substring(start, end);
            host |= line.toLowerCase(Locale.ROOT).startsWith("host:");
            out.append(line);
            start = end;
        }
        return out.toString();
    }
}

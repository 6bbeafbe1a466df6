package io.camstream.server.http10;

import io.helidon.common.buffers.DataReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.assertj.core.api.Assertions.assertThat;

class Http10RequestTest {

    @Test
    void theVersionBecomesHttp11AndConnectionCloseAndAHostAreAdded() {
        assertThat(translated(1_000, "GET /video_feed HTTP/1.0\r\nUser-Agent: old\r\n\r\n"))
                .isEqualTo("GET /video_feed HTTP/1.1\r\nUser-Agent: old\r\nHost: 127.0.0.1:8080\r\n"
                        + "Connection: close\r\n\r\n");
    }

    @Test
    void aHostTheClientSentIsKeptAndNoSecondOneAdded() {
        assertThat(translated(1_000, "GET / HTTP/1.0\r\nhOsT: cam.lan\r\nHostile: no\r\n\r\n"))
                .isEqualTo("GET / HTTP/1.1\r\nhOsT: cam.lan\r\nHostile: no\r\nConnection: close\r\n\r\n");
    }

    @Test
    void aRequestTrickledAByteAtATimeIsTranslatedTheSame() {
        String request = "GET /snapshot HTTP/1.0\r\nHost: x\r\nAccept: */*\r\n\r\n";
        assertThat(translated(1, request)).isEqualTo(translated(1_000, request))
                .isEqualTo("GET /snapshot HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    }

    @Test
    void theBodyAndWhatFollowsPassUnchanged() {
        assertThat(translated(7, "POST /x HTTP/1.0\r\nHost: x\r\nContent-Length: 4\r\n\r\nabcdGET / HTTP/1.0\r\n\r\n"))
                .endsWith("Connection: close\r\n\r\nabcdGET / HTTP/1.0\r\n\r\n");
    }

    @Test
    void aRequestLineOfAnotherVersionIsLeftAsItIs() {
        assertThat(translated(1_000, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("GET / HTTP/1.1\r\nHost: x\r\n");
    }

    @Test
    void aLongHeaderLineFlowsThroughWithoutBeingHeld() {
        Deque<byte[]> chunks = new ArrayDeque<>();
        chunks.add("GET / HTTP/1.0\r\nX-Big: ".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 100; i++) {
            chunks.add("a".repeat(1_000).getBytes(StandardCharsets.US_ASCII));
        }
        Http10Request request = new Http10Request(DataReader.create(chunks::poll), "h:1");
        int passed = 0;
        for (int i = 0; i < 101; i++) {
            passed += request.get().length;
        }
        assertThat(passed).as("bytes handed on while the line has not ended")
                .isGreaterThanOrEqualTo("GET / HTTP/1.1\r\nX-Big: ".length() + 100_000 - 5);
    }

    /** The translation of a request fed in pieces of the given size, read until the client's bytes run out. */
    private static String translated(int piece, String request) {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        Deque<byte[]> chunks = new ArrayDeque<>();
        for (int i = 0; i < bytes.length; i += piece) {
            chunks.add(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + piece)));
        }
        Http10Request translation = new Http10Request(DataReader.create(chunks::poll), "127.0.0.1:8080");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (true) {
                out.writeBytes(translation.get());
            }
        } catch (DataReader.InsufficientDataAvailableException e) {
            return out.toString(StandardCharsets.US_ASCII);
        }
    }
}

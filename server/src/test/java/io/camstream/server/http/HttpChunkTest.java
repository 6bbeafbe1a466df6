package io.camstream.server.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpChunkTest {

    @Test
    void chunkIsHexSizeCrlfDataCrlf() {
        byte[] data = new byte[26];
        Arrays.fill(data, (byte) 'x');

        HttpChunk chunk = HttpChunk.of(data);

        assertThat(new String(chunk.framed(), StandardCharsets.US_ASCII)).isEqualTo("1a\r\n" + "x".repeat(26) + "\r\n");
        assertThat(chunk.dataOffset()).isEqualTo(4);
        assertThat(chunk.dataLength()).isEqualTo(26);
    }

    @Test
    void emptyDataIsRefusedBecauseItWouldEndTheBody() {
        assertThatThrownBy(() -> HttpChunk.of(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}

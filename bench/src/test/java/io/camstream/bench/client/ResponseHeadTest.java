package io.camstream.bench.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseHeadTest {

    @Test
    void boundaryIsTakenWithOrWithoutQuotesAndLeadingDashes() {
        for (String contentType : new String[] {
                "multipart/x-mixed-replace;boundary=frame",
                "multipart/x-mixed-replace; boundary=\"frame\"",
                "multipart/x-mixed-replace; boundary=--frame",
                "Multipart/X-Mixed-Replace; charset=x; BOUNDARY=\"--frame\""}) {
            assertThat(new String(ResponseHead.boundaryToken(contentType), StandardCharsets.US_ASCII))
                    .as(contentType).isEqualTo("frame");
        }
    }

    @Test
    void contentTypeWithoutBoundaryIsAnError() {
        assertThatThrownBy(() -> ResponseHead.boundaryToken("multipart/x-mixed-replace"))
                .isInstanceOf(StreamFormatException.class)
                .hasMessage("no boundary in Content-Type multipart/x-mixed-replace");
    }

    @Test
    void chunkedIsReadFromTransferEncodingInAnyCase() {
        byte[] head = ("HTTP/1.1 200 OK\r\ncontent-type: multipart/x-mixed-replace;boundary=a\r\n"
                + "TRANSFER-ENCODING: Chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(ResponseHead.parse(head, head.length).chunked()).isTrue();
    }
}

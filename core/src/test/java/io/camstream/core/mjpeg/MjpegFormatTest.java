package io.camstream.core.mjpeg;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MjpegFormatTest {

    @Test
    void partIsHeadersJpegAndTheNextBoundaryByteForByte() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0,
                (byte) 0xFF, (byte) 0xD9};
        Frame frame = new Frame(jpeg, 7, Instant.ofEpochSecond(1764068400L, 123_456_789), 3, 2);

        byte[] part = MjpegFormat.part(frame);

        byte[] expectedHead = ("Content-Type: image/jpeg\r\n"
                + "Content-Length: 17\r\n"
                + "X-Timestamp: 1764068400.123456\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] expectedTail = "\r\n--boundarydonotcross\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = new byte[expectedHead.length + jpeg.length + expectedTail.length];
        System.arraycopy(expectedHead, 0, expected, 0, expectedHead.length);
        System.arraycopy(jpeg, 0, expected, expectedHead.length, jpeg.length);
        System.arraycopy(expectedTail, 0, expected, expectedHead.length + jpeg.length, expectedTail.length);
        assertThat(part).isEqualTo(expected);
    }

    @Test
    void advancePartIsJpegBoundaryAndTheNextPartsHeadersWithoutLength() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 2, 0, 3, 1, 1, 0x11, 0,
                (byte) 0xFF, (byte) 0xD9};
        Frame frame = new Frame(jpeg, 7, Instant.ofEpochSecond(1764068400L), 3, 2);

        String part = new String(MjpegFormat.advancePart(frame), StandardCharsets.ISO_8859_1);
        String start = new String(MjpegFormat.advanceStreamStart(), StandardCharsets.US_ASCII);

        assertThat(start).isEqualTo("--boundarydonotcross\r\nContent-Type: image/jpeg\r\n\r\n");
        assertThat(part).isEqualTo(new String(jpeg, StandardCharsets.ISO_8859_1)
                + "\r\n--boundarydonotcross\r\nContent-Type: image/jpeg\r\n\r\n");
    }

    @Test
    void streamOpensWithTheBoundaryLine() {
        assertThat(new String(MjpegFormat.streamStart(), StandardCharsets.US_ASCII)).isEqualTo("--boundarydonotcross\r\n");
        assertThat(MjpegFormat.CONTENT_TYPE).isEqualTo("multipart/x-mixed-replace; boundary=boundarydonotcross");
    }

    @Test
    void timestampHasSixDecimalsEvenForWholeSeconds() {
        assertThat(MjpegFormat.timestamp(Instant.ofEpochSecond(5))).isEqualTo("5.000000");
        assertThat(MjpegFormat.timestamp(Instant.ofEpochSecond(5, 1_000))).isEqualTo("5.000001");
    }
}

package io.camstream.core.mjpeg;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MjpegFormatTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0, 2, 0, 3,
            1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xD9};

    @Test
    void partIsHeadersJpegAndTheNextBoundaryByteForByte() {
        byte[] jpeg = JPEG;
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
        byte[] jpeg = JPEG;
        Frame frame = new Frame(jpeg, 7, Instant.ofEpochSecond(1764068400L), 3, 2);

        String part = new String(MjpegFormat.Layout.ADVANCE_HEADERS.part(frame), StandardCharsets.ISO_8859_1);
        String start = new String(MjpegFormat.Layout.ADVANCE_HEADERS.start(), StandardCharsets.US_ASCII);

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
    void streamEndsWithTheLastFrameOnceMoreAndTheClosingBoundaryWithoutALineEnd() {
        Frame frame = new Frame(JPEG, 7, Instant.ofEpochSecond(1764068400L), 3, 2);
        String jpeg = new String(JPEG, StandardCharsets.ISO_8859_1);

        assertThat(new String(MjpegFormat.closing(), StandardCharsets.US_ASCII)).isEqualTo("\r\n--boundarydonotcross--");
        assertThat(lastPart(MjpegFormat.Layout.STANDARD, frame)).isEqualTo("Content-Type: image/jpeg\r\n"
                + "Content-Length: 17\r\nX-Timestamp: 1764068400.000000\r\n\r\n" + jpeg + "\r\n--boundarydonotcross--");
        assertThat(lastPart(MjpegFormat.Layout.ADVANCE_HEADERS, frame))
                .as("its headers came with the boundary before").isEqualTo(jpeg + "\r\n--boundarydonotcross--");
    }

    @Test
    void timestampHasSixDecimalsEvenForWholeSeconds() {
        assertThat(MjpegFormat.timestamp(Instant.ofEpochSecond(5))).isEqualTo("5.000000");
        assertThat(MjpegFormat.timestamp(Instant.ofEpochSecond(5, 1_000))).isEqualTo("5.000001");
    }

    /** What a writer sends last: the part's leading bytes, then the closing. */
    private static String lastPart(MjpegFormat.Layout layout, Frame frame) {
        byte[] part = layout.part(frame);
        return new String(part, 0, layout.lastPartLength(part), StandardCharsets.ISO_8859_1)
                + new String(MjpegFormat.closing(), StandardCharsets.US_ASCII);
    }
}

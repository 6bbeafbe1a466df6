package io.camstream.core.jpeg;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpegWriterTest {

    private static final int LARGEST_PAYLOAD = 0xFFFF - 2;

    @Test
    void keptSegmentsFollowTheStartOfImageInOrderByteForByteAndTheLargestFits() {
        CoefficientImage image = CoefficientImage.read(Pictures.cjpeg(48, 32, 2, "-sample", "2x2"),
                JpegLimits.DEFAULT);
        byte[] comment = "turned by camstream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] largest = new byte[LARGEST_PAYLOAD];
        Arrays.fill(largest, (byte) 0x5A);

        byte[] written = JpegWriter.write(image, HuffmanChoice.ORIGINAL_IF_COMPLETE, 0,
                List.of(new Segment(0xFE, comment), new Segment(0xE1, largest)));

        assertThat(Arrays.copyOfRange(written, 0, 4)).containsExactly(0xFF, 0xD8, 0xFF, 0xFE);
        assertThat(written[4] << 8 & 0xFF00 | written[5] & 0xFF).isEqualTo(comment.length + 2);
        assertThat(Arrays.copyOfRange(written, 6, 6 + comment.length)).isEqualTo(comment);
        int app1 = 6 + comment.length;
        assertThat(Arrays.copyOfRange(written, app1, app1 + 4)).containsExactly(0xFF, 0xE1, 0xFF, 0xFF);
        JpegHeaders read = JpegReader.readHeaders(written, JpegLimits.DEFAULT);
        assertThat(read.segments()).extracting(Segment::marker).containsExactly(0xFE, 0xE1);
        assertThat(read.segments().get(1).payload()).isEqualTo(largest);
        assertThat(Programs.run(written, "djpeg", "-pnm"))
                .isEqualTo(Programs.run(JpegWriter.write(image, HuffmanChoice.ORIGINAL_IF_COMPLETE, 0, List.of()),
                        "djpeg", "-pnm"));
    }

    @Test
    void aSegmentOneByteTooLongIsRefusedWithItsSize() {
        CoefficientImage image = CoefficientImage.read(Pictures.cjpeg(16, 16, 1), JpegLimits.DEFAULT);
        List<Segment> segments = List.of(new Segment(0xE1, new byte[LARGEST_PAYLOAD + 1]));

        assertThatThrownBy(() -> JpegWriter.write(image, HuffmanChoice.STANDARD, 0, segments))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("marker segment of " + (LARGEST_PAYLOAD + 1) + " bytes is too long");
    }
}

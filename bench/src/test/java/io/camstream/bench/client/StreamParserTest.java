package io.camstream.bench.client;

import io.camstream.bench.client.Feed.Part;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamParserTest {

    private static final byte[] FIRST = StreamBytes.jpeg(300, 1);
    private static final byte[] SECOND = StreamBytes.jpeg(257, 2);
    private static final long STAMP = 1_764_068_400_123_456L;

    private static final List<Part> TWO_FRAMES = List.of(
            new Part(FIRST.length, true, STAMP),
            new Part(SECOND.length, true, STAMP + 1));

    private static StreamBytes twoFrames(boolean withLength) {
        return new StreamBytes()
                .part(FIRST, headers(FIRST, withLength, "1764068400.123456"))
                .part(SECOND, headers(SECOND, withLength, "1764068400.123457"));
    }

    private static String[] headers(byte[] jpeg, boolean withLength, String stamp) {
        return withLength
                ? new String[] {"Content-Type: image/jpeg", "Content-Length: " + jpeg.length, "X-Timestamp: " + stamp}
                : new String[] {"Content-Type: image/jpeg", "X-Timestamp: " + stamp};
    }

    @Test
    void plainBodyWithLengthsGivesEveryFrameWhereverTheReadsSplit() {
        byte[] stream = twoFrames(true).build();
        for (int cut = 1; cut < stream.length; cut++) {
            assertThat(Feed.cutAt(stream, List.of(cut))).as("split at %d", cut).isEqualTo(TWO_FRAMES);
        }
    }

    @Test
    void plainBodyWithoutLengthsEndsEachFrameAtTheNextBoundaryWhereverTheReadsSplit() {
        byte[] stream = twoFrames(false).build();
        for (int cut = 1; cut < stream.length; cut++) {
            assertThat(Feed.cutAt(stream, List.of(cut))).as("split at %d", cut).isEqualTo(TWO_FRAMES);
        }
    }

    @Test
    void chunkedBodyGivesEveryFrameWhereverTheReadsSplit() {
        for (boolean withLength : new boolean[] {true, false}) {
            byte[] stream = twoFrames(withLength).chunked().build(new int[] {100, 7, 1, 333});
            for (int cut = 1; cut < stream.length; cut++) {
                assertThat(Feed.cutAt(stream, List.of(cut))).as("split at %d", cut).isEqualTo(TWO_FRAMES);
            }
        }
    }

    @Test
    void chunkBoundariesAnywhereAndReadsAnywhereGiveTheSameFrames() {
        for (boolean withLength : new boolean[] {true, false}) {
            for (int chunk = 1; chunk < 40; chunk++) {
                byte[] stream = twoFrames(withLength).chunked().build(new int[] {chunk, chunk * 7 + 3});
                for (long seed = 0; seed < 5; seed++) {
                    assertThat(Feed.randomCuts(stream, seed, 25))
                            .as("chunks of %d, cuts from seed %d", chunk, seed).isEqualTo(TWO_FRAMES);
                }
            }
        }
    }

    @Test
    void oneByteAtATimeGivesTheSameFrames() {
        assertThat(Feed.byteByByte(twoFrames(true).build())).isEqualTo(TWO_FRAMES);
        assertThat(Feed.byteByByte(twoFrames(false).build())).isEqualTo(TWO_FRAMES);
        assertThat(Feed.byteByByte(twoFrames(true).chunked().build(new int[] {3, 50}))).isEqualTo(TWO_FRAMES);
    }

    @Test
    void quotedBoundaryParameterIsUnquoted() {
        byte[] stream = twoFrames(true).contentType("multipart/x-mixed-replace;boundary=\"foo\"").build();
        assertThat(Feed.whole(stream)).isEqualTo(TWO_FRAMES);
    }

    @Test
    void boundaryParameterWithLeadingDashesMatchesLinesWithTwoOrFourDashes() {
        String contentType = "multipart/x-mixed-replace; boundary=--foo";
        for (String line : new String[] {"--foo", "----foo"}) {
            byte[] stream = twoFrames(false).contentType(contentType).boundaryLine(line).build();
            assertThat(Feed.whole(stream)).as(line).isEqualTo(TWO_FRAMES);
        }
    }

    @Test
    void headerNamesAreMatchedInAnyCase() {
        byte[] stream = new StreamBytes()
                .part(FIRST, "content-type: image/jpeg", "CONTENT-LENGTH: " + FIRST.length, "x-timestamp: 1.5")
                .part(SECOND, "Content-length:" + SECOND.length, "X-TIMESTAMP:\t2")
                .build();
        assertThat(Feed.whole(stream)).containsExactly(
                new Part(FIRST.length, true, 1_500_000), new Part(SECOND.length, true, 2_000_000));
    }

    @Test
    void extraHeadersAreIgnored() {
        byte[] stream = new StreamBytes()
                .responseHeader("Cache-Control: no-cache")
                .responseHeader("X-Content-Length: 5")
                .part(FIRST, "X-Frame-Length: 3", "Content-Length: " + FIRST.length, "X-Timestamp-Mono: 77",
                        "Content-Disposition: inline; filename=x.jpg", "X-Timestamp: 1764068400.123456")
                .build();
        assertThat(Feed.whole(stream)).containsExactly(new Part(FIRST.length, true, STAMP));
    }

    @Test
    void preambleBeforeTheFirstBoundaryIsSkipped() {
        for (boolean withLength : new boolean[] {true, false}) {
            byte[] stream = twoFrames(withLength).preamble("This is a multipart stream.\r\n-- not it\r\n\r\n").build();
            assertThat(Feed.whole(stream)).isEqualTo(TWO_FRAMES);
        }
    }

    @Test
    void bareLineFeedsAreAccepted() {
        for (boolean withLength : new boolean[] {true, false}) {
            assertThat(Feed.whole(twoFrames(withLength).newline("\n").build())).isEqualTo(TWO_FRAMES);
        }
    }

    @Test
    void framesWithoutStartOrEndMarkerAreReportedInvalid() {
        byte[] noStart = StreamBytes.jpeg(100, 3);
        noStart[1] = 0;
        byte[] noEnd = StreamBytes.jpeg(100, 4);
        noEnd[99] = 0;
        for (boolean withLength : new boolean[] {true, false}) {
            byte[] stream = new StreamBytes()
                    .part(noStart, headers(noStart, withLength, "1"))
                    .part(noEnd, headers(noEnd, withLength, "1"))
                    .part(FIRST, headers(FIRST, withLength, "1"))
                    .build();
            assertThat(Feed.whole(stream)).extracting(Part::valid).containsExactly(false, false, true);
        }
    }

    @Test
    void partWithoutTimestampHasNone() {
        byte[] stream = new StreamBytes().part(FIRST, "Content-Length: " + FIRST.length).build();
        assertThat(Feed.whole(stream)).containsExactly(new Part(FIRST.length, true, FrameListener.NO_TIMESTAMP));
    }

    @Test
    void closingBoundaryEndsTheStream() {
        byte[] stream = twoFrames(false).close().build();
        List<Part> parts = new ArrayList<>();
        StreamParser parser = new StreamParser((size, valid, ts) -> parts.add(new Part(size, valid, ts)));
        parser.accept(ByteBuffer.wrap(stream), 0, stream.length);
        assertThat(parts).isEqualTo(TWO_FRAMES);
        assertThat(parser.closed()).isTrue();
    }

    @Test
    void chunkExtensionsAreSkipped() {
        byte[] stream = ("HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=foo\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "7;name=value\r\n--foo\r\n\r\n"
                + "22\r\nContent-Length: 4\r\n\r\n\u00ff\u00d8\u00ff\u00d9\r\n--foo\r\n\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Feed.whole(stream)).containsExactly(new Part(4, true, FrameListener.NO_TIMESTAMP));
    }

    @Test
    void statusOtherThan200IsAnError() {
        byte[] stream = "HTTP/1.1 503 Service Unavailable\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Feed.whole(stream))
                .isInstanceOf(StreamFormatException.class)
                .hasMessage("server answered HTTP/1.1 503 Service Unavailable");
    }

    @Test
    void responseThatIsNotMultipartIsAnError() {
        byte[] stream = twoFrames(true).contentType("image/jpeg").build();
        assertThatThrownBy(() -> Feed.whole(stream))
                .isInstanceOf(StreamFormatException.class)
                .hasMessage("not a multipart stream: Content-Type is image/jpeg");
    }
}

package io.camstream.core.jpeg;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.camstream.core.jpeg.TestJpegs.concat;
import static org.assertj.core.api.Assertions.assertThat;

class JpegSplitterTest {

    private static final byte[] PLAIN = TestJpegs.noise(64, 48, 1);
    private static final byte[] THUMBNAIL = TestJpegs.noise(16, 16, 2);
    private static final byte[] WITH_THUMBNAIL = TestJpegs.withExifThumbnail(TestJpegs.noise(40, 24, 3), THUMBNAIL);
    private static final byte[] PROGRESSIVE = TestJpegs.progressive(32, 32, 4);
    private static final byte[] RESTARTS = TestJpegs.withRestarts(64, 16, 5, 1);
    private static final byte[] COMMENT = TestJpegs.withMarkersInComment(TestJpegs.noise(24, 24, 6));
    private static final byte[] FILL = TestJpegs.withFillBytes(TestJpegs.noise(24, 16, 7));

    private static final List<byte[]> ALL_KINDS = List.of(PLAIN, WITH_THUMBNAIL, PROGRESSIVE, RESTARTS, COMMENT, FILL);

    @Test
    void testPicturesHoldWhatTheyClaim() throws IOException {
        assertThat(TestJpegs.count(PLAIN, 0xFF, 0x00)).as("stuffed bytes").isPositive();
        assertThat(TestJpegs.count(WITH_THUMBNAIL, 0xFF, 0xD8)).as("SOI of picture and thumbnail").isEqualTo(2);
        assertThat(TestJpegs.count(WITH_THUMBNAIL, 0xFF, 0xD9)).as("EOI of picture and thumbnail").isEqualTo(2);
        assertThat(TestJpegs.count(PROGRESSIVE, 0xFF, 0xDA)).as("scans").isGreaterThan(1);
        assertThat(TestJpegs.count(RESTARTS, 0xFF, 0xD0)).as("RST0 markers").isPositive();
        assertThat(TestJpegs.count(COMMENT, 0xFF, 0xD9)).as("EOI in the comment, and the real one").isEqualTo(2);
        for (byte[] jpeg : ALL_KINDS) {
            assertThat(ImageIO.read(new ByteArrayInputStream(jpeg))).as("decodes").isNotNull();
        }
    }

    @Test
    void splitsFramesWrittenBackToBack() {
        JpegSplitter splitter = new JpegSplitter();

        List<byte[]> frames = feedAll(splitter, concat(ALL_KINDS.toArray(byte[][]::new)));

        assertThat(frames).containsExactlyElementsOf(ALL_KINDS);
        assertThat(splitter.frames()).isEqualTo(ALL_KINDS.size());
        assertThat(splitter.skippedBytes()).isZero();
        assertThat(splitter.bufferedBytes()).isZero();
    }

    @Test
    void anExifThumbnailDoesNotCutTheFrame() {
        List<byte[]> frames = feedAll(new JpegSplitter(), concat(WITH_THUMBNAIL, PLAIN));

        assertThat(frames).containsExactly(WITH_THUMBNAIL, PLAIN);
    }

    @Test
    void anEndMarkerInsideASegmentDoesNotCutTheFrame() {
        List<byte[]> frames = feedAll(new JpegSplitter(), concat(COMMENT, COMMENT));

        assertThat(frames).containsExactly(COMMENT, COMMENT);
    }

    @Test
    void everySplitPointBetweenTwoReadsGivesTheSameFrames() {
        byte[] stream = concat(ALL_KINDS.toArray(byte[][]::new));
        JpegSplitter splitter = new JpegSplitter();
        for (int cut = 0; cut <= stream.length; cut++) {
            List<byte[]> frames = new ArrayList<>();
            splitter.feed(stream, 0, cut, frames::add);
            splitter.feed(stream, cut, stream.length - cut, frames::add);

            assertThat(frames).as("cut at byte %d", cut).containsExactlyElementsOf(ALL_KINDS);
        }
        assertThat(splitter.skippedBytes()).isZero();
    }

    @Test
    void oneByteAtATimeGivesTheSameFrames() {
        byte[] stream = concat(ALL_KINDS.toArray(byte[][]::new));
        JpegSplitter splitter = new JpegSplitter();
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            splitter.feed(stream, i, 1, frames::add);
        }

        assertThat(frames).containsExactlyElementsOf(ALL_KINDS);
    }

    @Test
    void readsFramesFromAStreamThatDeliversOddChunks() throws IOException {
        byte[] stream = concat(ALL_KINDS.toArray(byte[][]::new));
        JpegSplitter splitter = new JpegSplitter();
        InputStream in = new ChunkedStream(stream, new Random(42), 700);

        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame = splitter.read(in); frame != null; frame = splitter.read(in)) {
            frames.add(frame);
        }

        assertThat(frames).containsExactlyElementsOf(ALL_KINDS);
    }

    @Test
    void garbageBeforeAndBetweenFramesIsSkippedAndCounted() {
        byte[] before = "rpicam-vid says hello\n".getBytes(StandardCharsets.US_ASCII);
        byte[] between = noiseWithoutFf(5000, 9);
        byte[] lone = {(byte) 0xFF};
        JpegSplitter splitter = new JpegSplitter();

        List<byte[]> frames = feedAll(splitter, concat(before, PLAIN, between, RESTARTS, lone, PROGRESSIVE));

        assertThat(frames).containsExactly(PLAIN, RESTARTS, PROGRESSIVE);
        assertThat(splitter.skippedBytes()).isEqualTo(before.length + between.length + lone.length);
    }

    @Test
    void startsThatAreNotJpegsAreSkipped() {
        byte[] soiThenText = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, "not a jpeg".getBytes(StandardCharsets.US_ASCII));
        // A plausible APP0 header whose length swallows the start of the real frame that follows it.
        byte[] swallowing = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F'};
        byte[] scanWithoutFrameHeader = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0x00, 0x02, 1, 2,
                (byte) 0xFF, (byte) 0xD9};
        byte[] tablesOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        JpegSplitter splitter = new JpegSplitter();

        List<byte[]> frames = feedAll(splitter, concat(soiThenText, PLAIN, swallowing, WITH_THUMBNAIL,
                scanWithoutFrameHeader, tablesOnly, FILL));

        assertThat(frames).containsExactly(PLAIN, WITH_THUMBNAIL, FILL);
        assertThat(splitter.skippedBytes()).isEqualTo(
                soiThenText.length + swallowing.length + scanWithoutFrameHeader.length + tablesOnly.length);
    }

    @Test
    void randomGarbageNeverYieldsAFrameAndNeverLosesTheNextOne() {
        byte[] garbage = new byte[200_000];
        new Random(11).nextBytes(garbage);
        JpegSplitter splitter = new JpegSplitter();

        List<byte[]> frames = feedAll(splitter, concat(garbage, PLAIN, garbage, WITH_THUMBNAIL));

        assertThat(frames).containsExactly(PLAIN, WITH_THUMBNAIL);
    }

    @Test
    void aFrameTruncatedAtTheEndIsNotReturned() throws IOException {
        byte[] half = Arrays.copyOf(RESTARTS, RESTARTS.length / 2);
        JpegSplitter splitter = new JpegSplitter();
        InputStream in = new ByteArrayInputStream(concat(PLAIN, PROGRESSIVE, half));

        assertThat(splitter.read(in)).isEqualTo(PLAIN);
        assertThat(splitter.read(in)).isEqualTo(PROGRESSIVE);
        assertThat(splitter.read(in)).isNull();
        assertThat(splitter.bufferedBytes()).isEqualTo(half.length);
    }

    @Test
    void aFrameOverTheLimitIsDroppedAndTheNextOneKept() {
        byte[] big = TestJpegs.noise(400, 300, 12);
        int limit = 50_000;
        assertThat(big.length).isGreaterThan(limit);
        assertThat(PLAIN.length).isLessThan(limit);
        JpegSplitter splitter = new JpegSplitter(limit);

        List<byte[]> frames = feedAll(splitter, concat(PLAIN, big, WITH_THUMBNAIL, big, PLAIN));

        assertThat(frames).containsExactly(PLAIN, WITH_THUMBNAIL, PLAIN);
        assertThat(splitter.oversizedFrames()).isEqualTo(2);
        assertThat(splitter.skippedBytes()).isZero();
    }

    @Test
    void anOversizedFrameIsFollowedToItsEndWithoutBeingKept() throws IOException {
        byte[] huge = TestJpegs.withExifThumbnail(TestJpegs.noise(1024, 768, 13), THUMBNAIL);
        JpegSplitter splitter = new JpegSplitter(100_000);
        InputStream in = new ChunkedStream(concat(huge, PLAIN), new Random(14), 64 * 1024);

        assertThat(splitter.read(in)).isEqualTo(PLAIN);
        assertThat(splitter.oversizedFrames()).isEqualTo(1);
        assertThat(splitter.read(in)).isNull();
    }

    @Test
    void aFrameLargerThanTheBufferButUnderTheLimitIsKept() throws IOException {
        byte[] large = TestJpegs.noise(1024, 768, 15);
        assertThat(large.length).isGreaterThan(256 * 1024);
        JpegSplitter splitter = new JpegSplitter();
        InputStream in = new ChunkedStream(concat(PLAIN, large, large, PLAIN), new Random(16), 64 * 1024);

        assertThat(splitter.read(in)).isEqualTo(PLAIN);
        assertThat(splitter.read(in)).isEqualTo(large);
        assertThat(splitter.read(in)).isEqualTo(large);
        assertThat(splitter.read(in)).isEqualTo(PLAIN);
        assertThat(splitter.read(in)).isNull();
    }

    private static List<byte[]> feedAll(JpegSplitter splitter, byte[] stream) {
        List<byte[]> frames = new ArrayList<>();
        splitter.feed(stream, 0, stream.length, frames::add);
        return frames;
    }

    private static byte[] noiseWithoutFf(int length, long seed) {
        byte[] bytes = new byte[length];
        Random random = new Random(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(0xFF);
        }
        return bytes;
    }

    /** Returns at most a random number of bytes per read, as a pipe does. */
    private static final class ChunkedStream extends InputStream {

        private final byte[] data;
        private final Random random;
        private final int maxChunk;
        private int pos;

        ChunkedStream(byte[] data, Random random, int maxChunk) {
            this.data = data;
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(maxChunk));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}

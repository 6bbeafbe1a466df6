package io.camstream.core.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.fuzz.FuzzInput;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any byte stream a camera process may write: the splitter never throws, hands over only whole JPEGs within its
 * limit, finds the same frames however the bytes are cut into reads, accounts for every byte, and holds no more
 * than one frame's limit and one read.
 */
class JpegSplitterFuzzTest {

    /** Small, so that inputs of a few kilobytes reach the oversized-frame paths. */
    private static final int LIMIT = 1024;
    /** The read size of {@link JpegSplitter#read}, the most it may hold beyond a frame. */
    private static final int ONE_READ = 64 * 1024;

    @FuzzTest
    void splitsAnyStream(byte[] data) throws IOException {
        for (int limit : new int[] {LIMIT, JpegSplitter.DEFAULT_MAX_FRAME_BYTES}) {
            JpegSplitter whole = new JpegSplitter(limit);
            List<byte[]> frames = fedWhole(whole, data);
            for (byte[] frame : frames) {
                assertWholeJpeg(frame, limit);
            }
            if (whole.oversizedFrames() == 0) {
                long inFrames = frames.stream().mapToLong(f -> f.length).sum();
                assertThat(inFrames + whole.skippedBytes() + whole.bufferedBytes()).isEqualTo(data.length);
            }
            assertThat(whole.bufferedBytes()).isLessThanOrEqualTo(limit + ONE_READ);

            FuzzInput input = FuzzInput.of(data);
            JpegSplitter chunked = new JpegSplitter(limit);
            assertSameFrames(fedInChunks(chunked, data, input, limit), frames);
            assertThat(chunked.skippedBytes()).isEqualTo(whole.skippedBytes());
            assertThat(chunked.oversizedFrames()).isEqualTo(whole.oversizedFrames());

            assertSameFrames(read(new JpegSplitter(limit), input.trickle(3 * limit)), frames);
        }
    }

    private static List<byte[]> fedWhole(JpegSplitter splitter, byte[] data) {
        List<byte[]> frames = new ArrayList<>();
        splitter.feed(data, 0, data.length, frames::add);
        return frames;
    }

    /** Pieces of 1 byte to a few frames. */
    private static List<byte[]> fedInChunks(JpegSplitter splitter, byte[] data, FuzzInput input, int limit) {
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at < data.length; ) {
            int length = Math.min(data.length - at, input.cut(3 * limit));
            splitter.feed(data, at, length, frames::add);
            at += length;
            assertThat(splitter.bufferedBytes()).isLessThanOrEqualTo(limit + ONE_READ);
        }
        return frames;
    }

    private static List<byte[]> read(JpegSplitter splitter, InputStream in) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        for (byte[] frame = splitter.read(in); frame != null; frame = splitter.read(in)) {
            frames.add(frame);
        }
        return frames;
    }

    private static void assertWholeJpeg(byte[] frame, int limit) {
        assertThat(frame.length).isBetween(4, limit);
        assertThat(Arrays.copyOfRange(frame, 0, 2)).containsExactly(0xFF, 0xD8);
        assertThat(Arrays.copyOfRange(frame, frame.length - 2, frame.length)).containsExactly(0xFF, 0xD9);
    }

    private static void assertSameFrames(List<byte[]> actual, List<byte[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).isEqualTo(expected.get(i));
        }
    }
}

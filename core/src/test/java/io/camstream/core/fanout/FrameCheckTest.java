package io.camstream.core.fanout;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FrameCheckTest {

    private static final byte[] JPEG = TestJpegs.solid(32, 24, Color.BLUE);

    @Test
    void wholeJpegWithinTheLimitPasses() {
        assertThat(FrameCheck.problem(frame(JPEG), 1 << 20)).isEmpty();
    }

    @Test
    void bytesWithoutSoiAreNotAJpeg() {
        assertThat(FrameCheck.problem(frame("<html></html>".getBytes()), 1 << 20)).hasValueSatisfying(
                reason -> assertThat(reason).contains("SOI"));
    }

    @Test
    void jpegWithoutEoiIsTruncated() {
        assertThat(FrameCheck.problem(frame(Arrays.copyOf(JPEG, JPEG.length - 10)), 1 << 20)).hasValueSatisfying(
                reason -> assertThat(reason).contains("truncated"));
    }

    @Test
    void jpegOverTheLimitIsNamedWithItsSizeAndTheKey() {
        assertThat(FrameCheck.problem(frame(JPEG), 100)).hasValue(
                "frame of " + JPEG.length + " bytes exceeds max-frame-bytes 100");
    }

    private static Frame frame(byte[] bytes) {
        return new Frame(bytes, 1, Instant.now(), 32, 24);
    }
}

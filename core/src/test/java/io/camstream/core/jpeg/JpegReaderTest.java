package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kinds we do not handle say so; broken and hostile input fails with a JpegException, quickly. */
class JpegReaderTest {

    /** Mutated copies tried per run; {@code -Djpeg.fuzz.rounds=100000} for a long run (CI runs the default). */
    private static final int ROUNDS = Integer.getInteger("jpeg.fuzz.rounds", 3000);

    @BeforeAll
    static void judges() {
        Programs.require("cjpeg");
    }

    @Test
    void progressiveArithmeticTwelveBitAndLosslessAreNamed() {
        assertThatThrownBy(() -> read(Pictures.cjpeg(64, 64, 1, "-progressive")))
                .isInstanceOf(UnsupportedJpegException.class).hasMessageContaining("progressive");
        assertThatThrownBy(() -> read(Pictures.cjpeg(64, 64, 1, "-arithmetic")))
                .isInstanceOf(UnsupportedJpegException.class).hasMessageContaining("arithmetic");
        byte[] twelveBit = Pictures.cjpeg(64, 64, 1);
        twelveBit[sof(twelveBit) + 4] = 12;
        assertThatThrownBy(() -> read(twelveBit))
                .isInstanceOf(UnsupportedJpegException.class).hasMessageContaining("12-bit");
        byte[] lossless = Pictures.cjpeg(64, 64, 1);
        lossless[sof(lossless) + 1] = (byte) 0xC3;
        assertThatThrownBy(() -> read(lossless))
                .isInstanceOf(UnsupportedJpegException.class).hasMessageContaining("lossless");
    }

    @Test
    void truncatedDataFailsWhereverItIsCut() {
        byte[] jpeg = Pictures.cjpeg(200, 120, 3, "-restart", "1");
        for (int length = 0; length < jpeg.length - 2; length += 97) {
            byte[] cut = Arrays.copyOf(jpeg, length);
            assertThatThrownBy(() -> read(cut)).as("cut at %d", length).isInstanceOf(JpegException.class);
        }
    }

    @Test
    void aHugeClaimedSizeWithLittleDataFailsBeforeAllocating() {
        byte[] jpeg = Pictures.cjpeg(16, 16, 1);
        int sof = sof(jpeg);
        jpeg[sof + 5] = (byte) 0x17; // height 6000
        jpeg[sof + 6] = (byte) 0x70;
        jpeg[sof + 7] = (byte) 0x17; // width 6000
        jpeg[sof + 8] = (byte) 0x70;
        assertThatThrownBy(() -> read(jpeg)).isInstanceOf(JpegException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> CoefficientImage.read(jpeg, new JpegLimits(4096, 4096, 1 << 24)))
                .isInstanceOf(JpegException.class).hasMessageContaining("larger than the limit");
    }

    @Test
    void mutatedJpegsEitherDecodeOrFailWithAJpegException() {
        List<byte[]> inputs = List.of(Pictures.cjpeg(96, 64, 5, "-sample", "2x1", "-restart", "1"),
                Pictures.cjpeg(80, 48, 6, "-sample", "2x2", "-optimize"),
                Pictures.cjpeg(40, 24, 7, "-grayscale"));
        Random random = new Random(42);
        int decoded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bad = inputs.get(round % inputs.size()).clone();
            for (int i = random.nextInt(4); i >= 0; i--) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            try {
                JpegDecoder.decode(bad, Scale.FULL, JpegLimits.DEFAULT);
                new JpegTransformer(Orientation.ROTATE_90, JpegLimits.DEFAULT).transform(bad);
                decoded++;
            } catch (JpegException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(decoded).as("some mutations only change samples").isPositive();
    }

    private static CoefficientImage read(byte[] jpeg) {
        return CoefficientImage.read(jpeg, JpegLimits.DEFAULT);
    }

    /** The position of the SOF marker's FF. */
    private static int sof(byte[] jpeg) {
        int at = 2;
        while ((jpeg[at + 1] & 0xF0) != 0xC0 || jpeg[at + 1] == (byte) 0xC4) {
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
        }
        return at;
    }
}

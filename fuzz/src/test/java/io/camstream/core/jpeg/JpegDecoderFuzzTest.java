package io.camstream.core.jpeg;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as a JPEG for camstream's own decoder: a picture within the limits, or a {@link JpegException} saying
 * why not; nothing else escapes.
 */
class JpegDecoderFuzzTest {

    /** Small, so that inputs of a few kilobytes reach the limits. */
    private static final JpegLimits LIMITS = new JpegLimits(512, 512, 1 << 18);

    @FuzzTest
    void decodesAnyPicture(byte[] data) {
        try {
            PlanarImage image = JpegDecoder.decode(data, Scale.FULL, LIMITS);
            assertThat(image.frame().width()).isBetween(1, LIMITS.maxWidth());
            assertThat(image.frame().height()).isBetween(1, LIMITS.maxHeight());
        } catch (JpegException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}

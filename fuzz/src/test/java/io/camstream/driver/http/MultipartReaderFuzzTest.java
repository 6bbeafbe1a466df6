package io.camstream.driver.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.fuzz.FuzzInput;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any upstream answer, as the relay reads it: the first line of the input is the Content-Type, the rest the body,
 * arriving in reads of any size. Each part is at most the limit, each accepted frame a whole JPEG, the reader moves
 * on with every part, and every refusal is an {@link IOException} that names the upstream.
 */
class MultipartReaderFuzzTest {

    private static final String URL = "http://camera.test/video.mjpg";
    /** Small, so that inputs of a few kilobytes reach the size limits. */
    private static final int MAX_PART = 2048;

    @FuzzTest
    void readsAnyBody(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        int parts = 0;
        try {
            Optional<String> boundary = MjpegCamera.boundary(input.line(), URL);
            MultipartReader reader = new MultipartReader(input.trickle(700), boundary, MAX_PART, URL);
            while (true) {
                MultipartReader.Part part = reader.next();
                assertThat(part.body().length).isLessThanOrEqualTo(MAX_PART);
                assertThat(++parts).isLessThanOrEqualTo(data.length);
                relayed(part).ifPresent(frame -> assertThat(frame.width()).isPositive());
            }
        } catch (IOException refused) {
            assertThat(refused.getMessage()).startsWith(URL);
        }
    }

    /** What MjpegCamera makes of a part: a frame, or nothing when the part is not a whole JPEG. */
    private static Optional<Frame> relayed(MultipartReader.Part part) {
        try {
            return Optional.of(JpegCheck.frame(part.body(), 1,
                    UpstreamTime.of(Optional.ofNullable(part.headers().get("x-timestamp")))));
        } catch (IllegalArgumentException notAJpeg) {
            assertThat(notAJpeg.getMessage()).isNotBlank();
            return Optional.empty();
        }
    }
}

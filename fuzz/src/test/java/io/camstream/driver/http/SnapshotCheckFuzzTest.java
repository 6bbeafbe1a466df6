package io.camstream.driver.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.fuzz.FuzzInput;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any answer to a snapshot poll: the input's first line is the {@code Content-Length} (a number, or anything else
 * for none, as the HTTP client only hands over numbers), its second the {@code X-Timestamp}, the rest the body.
 * Either a whole JPEG within the limit comes out, or an {@link IOException} that names the URL.
 */
class SnapshotCheckFuzzTest {

    private static final String URL = "http://camera.test/snapshot.jpg";
    private static final int MAX_BYTES = 2048;

    @FuzzTest
    void checksAnyAnswer(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        Map<String, List<String>> headers = new HashMap<>();
        String length = input.line();
        if (length.matches("\\d{1,18}")) {
            headers.put("Content-Length", List.of(length));
        }
        headers.put("X-Timestamp", List.of(input.line()));
        try {
            Frame frame = SnapshotCamera.picture(input.trickle(700), HttpHeaders.of(headers, (name, value) -> true),
                    MAX_BYTES, 7, URL);
            byte[] jpeg = frame.jpeg();
            assertThat(jpeg.length).isBetween(4, MAX_BYTES);
            assertThat(new int[] {jpeg[0] & 0xFF, jpeg[1] & 0xFF, jpeg[jpeg.length - 2] & 0xFF,
                    jpeg[jpeg.length - 1] & 0xFF}).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
            assertThat(frame.sequence()).isEqualTo(7);
        } catch (IOException refused) {
            assertThat(refused.getMessage()).startsWith(URL);
        }
    }
}

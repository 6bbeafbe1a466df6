package io.camstream.server.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.helidon.common.uri.UriQuery;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any query string on a stream URL, decoded by Helidon as the server does: it is served with an fps cap within the
 * camera's rate (or none), or refused with a reason that names the parameter.
 */
class StreamRequestFuzzTest {

    private static final int CAMERA_FPS = 30;

    @FuzzTest
    void servesOrRefusesAnyQuery(byte[] data) {
        UriQuery query = UriQuery.create(new String(data, StandardCharsets.ISO_8859_1));
        try {
            StreamRequest request = StreamRequest.of(query, CAMERA_FPS, "/127.0.0.1:5000");
            double fps = request.viewer().maxFps();
            assertThat(fps == 0 || fps > 0 && fps <= CAMERA_FPS).as("fps cap %s", fps).isTrue();
            assertThat(request.viewer().remoteAddress()).contains("/127.0.0.1:5000");
        } catch (StreamRequest.Invalid refused) {
            assertThat(refused.getMessage()).containsAnyOf("fps", "advance_headers", "dual_final_frames");
        }
    }
}

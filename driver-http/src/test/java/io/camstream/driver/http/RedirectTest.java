package io.camstream.driver.http;

import io.camstream.spi.Camera;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upstream's redirect is followed to the camera's own host, and to another only with
 * {@code follow-redirects: any}; the camera's credentials never leave its host.
 */
class RedirectTest {

    private static final byte[] GREEN = Wire.jpeg(64, 48, Color.GREEN);
    private static final String AUTHORIZATION = "Authorization: Basic YWRtaW46czNjcmV0";

    @Test
    void aRedirectOnTheSameHostIsFollowedWithTheCredentials() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> {
            if (requests.getAndIncrement() == 0) {
                redirect(out, "/live?quality=high");
            } else {
                stream(out);
            }
        });
             Camera camera = MjpegCameraTest.open(upstream, Map.of("username", "admin", "password", "s3cret"))) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(GREEN);
            assertThat(upstream.requests()).hasSize(2);
            assertThat(upstream.requests().get(1)).startsWith("GET /live?quality=high HTTP/1.1\r\n");
            assertThat(upstream.requests()).allMatch(request -> request.contains(AUTHORIZATION));
        }
    }

    @Test
    void aRedirectToAnotherHostIsRefusedNamingTheKeyThatAllowsIt() throws Exception {
        try (ScriptedUpstream elsewhere = new ScriptedUpstream(RedirectTest::stream);
             ScriptedUpstream upstream = new ScriptedUpstream(out -> redirect(out, otherHost(elsewhere)))) {
            assertThatThrownBy(() -> MjpegCameraTest.open(upstream, Map.of()))
                    .isInstanceOf(IOException.class)
                    .hasMessage(upstream.uri("/stream") + " redirected to " + otherHost(elsewhere) + ", on another "
                            + "host; camstream follows redirects to the camera's own host only (set follow-redirects:"
                            + " any to follow this one)");
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void withFollowRedirectsAnyAnotherHostIsFollowedWithoutTheCredentials() throws Exception {
        try (ScriptedUpstream elsewhere = new ScriptedUpstream(RedirectTest::stream);
             ScriptedUpstream upstream = new ScriptedUpstream(out -> redirect(out, otherHost(elsewhere)));
             Camera camera = MjpegCameraTest.open(upstream, Map.of("follow-redirects", "any", "username", "admin",
                     "password", "s3cret"))) {
            assertThat(camera.nextFrame().jpeg()).isEqualTo(GREEN);
            assertThat(upstream.requests().getFirst()).contains(AUTHORIZATION);
            assertThat(elsewhere.requests()).singleElement().asString().startsWith("GET /elsewhere HTTP/1.1\r\n")
                    .doesNotContain("Authorization");
        }
    }

    @Test
    void aRedirectLoopEndsAfterFiveHops() throws Exception {
        try (ScriptedUpstream upstream = new ScriptedUpstream(out -> redirect(out, "/again"))) {
            assertThatThrownBy(() -> MjpegCameraTest.open(upstream, Map.of()))
                    .hasMessage(upstream.uri("/stream") + " redirected more than 5 times");
            assertThat(upstream.requests()).hasSize(6);
        }
    }

    @Test
    void anUnknownFollowRedirectsValueNamesTheAllowedOnes() {
        assertThatThrownBy(() -> HttpSettings.from(HttpConfig.camera(Map.of("url", "http://cam/video",
                "follow-redirects", "sometimes"))))
                .hasMessage(HttpConfig.NODE + ".follow-redirects: 'sometimes' is not a known value (allowed: any, "
                        + "same-host)");
    }

    /** The same machine under another name: a host of its own to the driver. */
    private static String otherHost(ScriptedUpstream upstream) {
        return upstream.uri("/elsewhere").toString().replace("127.0.0.1", "localhost");
    }

    private static void redirect(OutputStream out, String location) throws IOException {
        out.write(Wire.ascii("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n"));
    }

    private static void stream(OutputStream out) throws IOException {
        Wire.head(out, "multipart/x-mixed-replace; boundary=b", false);
        out.write(Wire.ascii("--b\r\nContent-Type: image/jpeg\r\nContent-Length: " + GREEN.length + "\r\n\r\n"));
        out.write(GREEN);
        out.write(Wire.ascii("\r\n--b\r\n"));
    }
}

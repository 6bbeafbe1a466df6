package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.CameraConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every answer forbids content sniffing; pages carry a Content-Security-Policy that allows their own script and
 * style only, and {@code camstream.frame-ancestors} says who may frame them. Over HTTP/1.1, HTTP/1.0, h2c and HEAD.
 */
class SecurityHeadersTest {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ";
    private static final List<String> PAGES = List.of("/", "/cameras/desk");
    private static final List<String> OTHERS = List.of("/api/cameras", "/cameras/desk/snapshot", "/snapshot",
            "/?action=snapshot", "/assets/camstream.js", "/assets/camstream.css", "/cameras/attic", "/nothing-here",
            "/observe/health", "/observe/metrics");

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  frame-ancestors: "'self' https://ha.example.org:8123"
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                      fps: 10
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptAndStyleAndTheConfiguredFramers() throws Exception {
        for (String page : PAGES) {
            HttpResponse<String> response = Http.getText(server.uri(page));
            assertThat(response.headers().firstValue("content-type")).as(page).hasValue("text/html; charset=UTF-8");
            assertThat(response.headers().allValues("content-security-policy")).as(page)
                    .containsExactly(POLICY + "'self' https://ha.example.org:8123");
            assertThat(response.headers().firstValue("x-content-type-options")).as(page).hasValue("nosniff");
            assertThat(response.body()).as("a page with inline code the policy would block")
                    .doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern("<script>|<script [^s]")
                    .doesNotContainPattern(" on[a-z]+=");
        }
    }

    @Test
    void everyOtherAnswerForbidsSniffingAndHasNoPagePolicy() throws Exception {
        for (String path : OTHERS) {
            HttpResponse<byte[]> response = Http.get(server.uri(path));
            assertThat(response.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("content-security-policy")).as(path).isEmpty();
        }
        HttpResponse<InputStream> stream = Http.stream(server.uri("/cameras/desk/stream"));
        try (InputStream body = stream.body()) {
            assertThat(stream.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()).startsWith(0xFF, 0xD8);
        }
    }

    @Test
    void http10GetsTheSameHeaders() throws Exception {
        String head = head(RawRequests.exchange(server.port(), "GET / HTTP/1.0\r\n\r\n", 100_000));
        assertThat(head).contains("\r\nx-content-type-options: nosniff")
                .contains("\r\ncontent-security-policy: " + POLICY.toLowerCase(Locale.ROOT));
    }

    @Test
    void headOfAStreamForbidsSniffingToo() throws Exception {
        String head = head(RawRequests.exchange(server.port(),
                "HEAD /video_feed HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000));
        assertThat(head).contains("\r\nx-content-type-options: nosniff").doesNotContain("content-security-policy");
    }

    @Test
    void h2cGetsTheSameHeaders() throws Exception {
        Tools.require("curl");
        for (String path : List.of("/", "/cameras/desk", "/cameras/desk/snapshot")) {
            String headers = curl(server, "--http2-prior-knowledge", path);
            assertThat(headers).as(path).startsWith("http/2 200").contains("\r\nx-content-type-options: nosniff\r\n");
            assertThat(headers.contains("\r\ncontent-security-policy: ")).as(path).isEqualTo(PAGES.contains(path));
        }
    }

    @Test
    void curlSeesTheDefaultFrameAncestorsOnAServerWithoutTheKey() throws Exception {
        Tools.require("curl");
        try (RunningServer plain = RunningServer.simCamera("default", 160, 120, 10)) {
            assertThat(curl(plain, "--http1.1", "/")).contains("\r\ncontent-security-policy: "
                    + POLICY.toLowerCase(Locale.ROOT) + "'self'\r\n");
        }
    }

    @Test
    void aFrameAncestorsValueThatCouldBreakThePolicyStopsTheStart() {
        assertThatThrownBy(() -> RunningServer.start("""
                camstream:
                  frame-ancestors: "'self'; script-src *"
                  cameras:
                    - name: desk
                      driver: sim
                """))
                .isInstanceOf(CameraConfigException.class)
                .hasMessage("camstream.frame-ancestors: ''self'; script-src *' is not a list of CSP sources (allowed: "
                        + "'self', 'none', or origins separated by blanks, like 'self' https://ha.example.org)");
    }

    /** The status must be 200; the head in lower case. */
    private static String head(RawRequests.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.text().substring(0, answer.text().indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    }

    /** The response head curl received, in lower case. */
    private static String curl(RunningServer on, String protocol, String path) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", protocol, "-D", "-", "-o", "/dev/null",
                on.uri(path).toString()).redirectErrorStream(true).start();
        String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(curl.waitFor()).as(headers).isZero();
        return headers.toLowerCase(Locale.ROOT);
    }
}

package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.server.http.CameraRoutes;
import io.helidon.http.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HEAD where the access matrix does not look: a stream's HEAD starts nothing, an unknown path's HEAD leaves no
 * body on a kept-alive connection, and curl (the client that met PROTOCOL_ERROR over h2c) accepts every route's
 * HEAD over HTTP/2 with prior knowledge.
 */
class HeadTest {

    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: desk
                      driver: picture
                      fps: 50
                    - name: door
                      driver: picture
                      fps: 50
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void headOfAStreamAttachesNoViewerAndStartsNoCapture() throws Exception {
        CameraFeed door = server.server().cameras().find("door").orElseThrow();
        try (Wire http11 = RawWire.http11(server.port()); Wire h2c = JdkWire.h2c(server.port())) {
            for (Wire wire : List.of(http11, h2c)) {
                for (String target : List.of("/cameras/door/stream", "/stream?camera=door",
                        "/?action=stream&camera=door", "/video_feed?camera=door")) {
                    Wire.Answer head = wire.exchange("HEAD", target, Optional.empty());
                    assertThat(head.status()).as(target).isEqualTo(200);
                    assertThat(head.headers()).as(target)
                            .containsEntry("content-type", "multipart/x-mixed-replace; boundary=boundarydonotcross")
                            .containsEntry("cache-control", "no-store, no-cache, must-revalidate, max-age=0")
                            .doesNotContainKeys("content-length", "transfer-encoding");
                }
            }
            assertThat(door.capturing()).as("door captures").isFalse();
            assertThat(door.stats().framesSent()).as("frames sent to door's viewers").isZero();
        }
    }

    @Test
    void headOfAnUnknownPathLeavesNoBodyOnAKeptAliveConnection() throws Exception {
        try (Wire wire = RawWire.http11(server.port())) {
            Wire.Answer get = wire.exchange("GET", "/no/such/page", Optional.empty());
            Wire.Answer head = wire.exchange("HEAD", "/no/such/page", Optional.empty());
            // the next answer on the connection must start cleanly (RawWire checks its status line)
            Wire.Answer next = wire.exchange("GET", "/assets/camstream.css", Optional.empty());
            assertThat(get.status()).isEqualTo(404);
            assertThat(head.status()).isEqualTo(404);
            assertThat(head.headers().get("content-length")).isEqualTo(String.valueOf(get.body().length));
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    void curlTakesEveryRoutesHeadOverHttp2WithPriorKnowledge() throws Exception {
        Tools.require("curl");
        List<String> targets = new ArrayList<>();
        for (CameraRoutes.Route route : server.server().routes()) {
            if (route.method() == Method.GET) {
                String path = route.pattern().replaceAll("\\{[^}]+}", "desk");
                targets.add(path + route.query().map(q -> "?" + q.parameter() + "=" + q.value().orElse("x")).orElse(""));
            }
        }
        for (int i = 0; i < 10; i++) {
            targets.add("/snapshot");    // the case: most of ten tries failed
        }
        targets.add("/no/such/page");
        // One curl per request: curl 7.88 cannot reuse a prior-knowledge connection (nginx's neither).
        for (String target : targets) {
            Process curl = new ProcessBuilder("curl", "--http2-prior-knowledge", "-sS", "-I", "--max-time", "20",
                    server.uri(target).toString()).redirectErrorStream(true).start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(target + ": " + output).isZero();
            assertThat(output).as(target).startsWith("HTTP/2 ").doesNotContain("PROTOCOL_ERROR");
        }
    }
}

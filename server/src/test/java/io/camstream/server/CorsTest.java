package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camstream.cors.allow-origin} opens streams, snapshots and the API to pages of another origin. */
class CorsTest {

    private static final List<String> SHARED = List.of("/api/cameras", "/api/cameras/default",
            "/cameras/default/snapshot", "/snapshot", "/?action=snapshot");

    @Test
    void withoutTheKeyNoResponseAllowsAnotherOrigin() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 160, 120, 10)) {
            for (String path : SHARED) {
                assertThat(Http.get(server.uri(path)).headers().firstValue("access-control-allow-origin"))
                        .as(path).isEmpty();
            }
        }
    }

    @Test
    void configuredOriginIsAllowedOnStreamsSnapshotsAndTheApiButNotOnThePage() throws Exception {
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cors:
                    allow-origin: https://dash.example.org
                  cameras:
                    - name: default
                      driver: sim
                      width: 160
                      height: 120
                      fps: 10
                """)) {
            for (String path : SHARED) {
                HttpResponse<byte[]> response = Http.get(server.uri(path));
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue("access-control-allow-origin")).as(path)
                        .hasValue("https://dash.example.org");
            }
            HttpResponse<java.io.InputStream> stream = Http.stream(server.uri("/cameras/default/stream"));
            assertThat(stream.headers().firstValue("access-control-allow-origin")).hasValue("https://dash.example.org");
            stream.body().close();
            assertThat(Http.get(server.uri("/")).headers().firstValue("access-control-allow-origin")).isEmpty();

            HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.uri("/api/cameras"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://dash.example.org")
                    .header("Access-Control-Request-Method", "GET")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("access-control-allow-methods")).hasValue("GET, OPTIONS");
        }
    }
}

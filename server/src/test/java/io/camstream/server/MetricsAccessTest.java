package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With users configured, {@code /observe/metrics} needs a login, as Prometheus sends with {@code basic_auth}, of a
 * user who may watch every camera (the metrics name them all), unless {@code camstream.auth.open-metrics: true}.
 */
class MetricsAccessTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void metricsNeedALoginOfAUserWhoMayWatchEveryCamera() throws Exception {
        try (RunningServer server = RunningServer.start(config(""))) {
            HttpResponse<String> anonymous = metrics(server, Optional.empty());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("www-authenticate")).isPresent();
            assertThat(anonymous.body()).doesNotContain("camstream_");

            HttpResponse<String> scraper = metrics(server, Optional.of(TestUsers.ALICE));
            assertThat(scraper.statusCode()).isEqualTo(200);
            assertThat(scraper.body()).contains("camstream_frames_captured_total{camera=\"vault\"",
                    "camstream_frames_captured_total{camera=\"desk\"");

            HttpResponse<String> restricted = metrics(server, Optional.of(TestUsers.BOB));
            assertThat(restricted.statusCode()).isEqualTo(403);
            assertThat(restricted.body()).doesNotContain("vault", "camstream_")
                    .isEqualTo("The metrics name every camera; only a user who may watch every camera may read them"
                            + " (or set camstream.auth.open-metrics: true)\n");
        }
    }

    @Test
    void openMetricsNeedNoLogin() throws Exception {
        try (RunningServer server = RunningServer.start(config("    open-metrics: true\n"))) {
            HttpResponse<String> anonymous = metrics(server, Optional.empty());
            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(anonymous.body()).contains("camstream_frames_captured_total{camera=\"vault\"");
            assertThat(Http.getText(server.uri("/api/cameras")).statusCode()).as("the API").isEqualTo(401);
        }
    }

    private static String config(String authExtra) {
        return "camstream:\n" + TestUsers.aliceAndBob() + authExtra + """
                  cameras:
                    - name: vault
                      driver: picture
                      allowed-users: [alice]
                    - name: desk
                      driver: picture
                """;
    }

    private static HttpResponse<String> metrics(RunningServer server, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/observe/metrics"));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

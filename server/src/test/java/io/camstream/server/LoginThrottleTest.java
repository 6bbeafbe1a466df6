package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing from one address is slowed down. */
class LoginThrottleTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void tenFailuresInAMinuteGet429WithRetryAfterEvenForTheRightPasswordAndAreLoggedOnce() throws Exception {
        try (LogCapture logs = new LogCapture();
             RunningServer server = RunningServer.start("""
                     camstream:
                       auth:
                         users:
                           - username: alice
                             password-hash: "%s"
                       cameras:
                         - name: desk
                           driver: sim
                     """.formatted(BasicAuthTest.hash("s3cret")))) {
            for (int i = 0; i < 10; i++) {
                assertThat(send(server, BasicAuthTest.basic("alice", "guess" + i)).statusCode()).isEqualTo(401);
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> refused = send(server, BasicAuthTest.basic("alice", "guess-more" + i));
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("retry-after")).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            }
            assertThat(send(server, BasicAuthTest.basic("alice", "s3cret")).statusCode()).isEqualTo(429);
            assertThat(logs.messages(Level.WARNING)).filteredOn(m -> m.contains("failed to log in")).hasSize(1);
        }
    }

    private static HttpResponse<String> send(RunningServer server, String authorization) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri("/")).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

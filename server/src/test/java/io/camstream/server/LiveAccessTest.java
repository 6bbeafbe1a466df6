package io.camstream.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users and {@code allowed-users} changed in the configuration file while they watch: new requests follow the new
 * rules at once, and a stream whose viewer lost access is cut within about a second.
 */
class LiveAccessTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Duration APPLIED = Duration.ofSeconds(5);
    /** The write watchdog looks at every stream once a second (a fifth of the 10 s write timeout, at most 1 s). */
    private static final Duration CUT = Duration.ofMillis(1500);
    private static final String ALICE_HASH = TestUsers.hash(TestUsers.ALICE_PASSWORD);
    private static final String BOB_HASH = TestUsers.hash(TestUsers.BOB_PASSWORD);

    @TempDir
    Path dir;
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void viewersWhoLoseAccessAreCutAndNewRequestsFollowTheNewRules() throws Exception {
        Path file = write(TestUsers.withHashes("alice", ALICE_HASH, "bob", BOB_HASH), "[alice]");
        server = RunningServer.fromFile(file);
        StreamWatcher aliceOnVault = watch("/cameras/vault/stream", TestUsers.ALICE);
        StreamWatcher bobOnDesk = watch("/cameras/desk/stream", TestUsers.BOB);
        StreamWatcher aliceOnDesk = watch("/cameras/desk/stream", TestUsers.ALICE);

        apply(TestUsers.withHashes("alice", ALICE_HASH, "bob", BOB_HASH), "[bob]");
        assertThat(cutWithin(aliceOnVault)).as("alice, taken off vault's allowed-users").isTrue();
        assertThat(status("/api/cameras/vault", TestUsers.ALICE)).isEqualTo(404);
        assertThat(status("/api/cameras/vault", TestUsers.BOB)).isEqualTo(200);
        assertThat(bobOnDesk.ended()).isFalse();

        apply(TestUsers.withHashes("alice", ALICE_HASH), "[alice]");
        assertThat(cutWithin(bobOnDesk)).as("bob, removed from the users").isTrue();
        assertThat(status("/", TestUsers.BOB)).isEqualTo(401);
        assertThat(aliceOnDesk.ended()).as("alice's stream of desk, which she may still watch").isFalse();

        String newPassword = "tr0ub4dor";
        apply(TestUsers.withHashes("alice", TestUsers.hash(newPassword)), "[alice]");
        assertThat(cutWithin(aliceOnDesk)).as("alice, whose password changed").isTrue();
        assertThat(status("/", TestUsers.ALICE)).as("the old password").isEqualTo(401);
        assertThat(status("/", TestUsers.basic("alice", newPassword))).as("the new password").isEqualTo(200);

        apply("", "[]");
        assertThat(status("/api/cameras/vault", null)).as("without users every camera is open").isEqualTo(200);
    }

    @Test
    void addingTheFirstUserCutsTheStreamsOfAnyone() throws Exception {
        server = RunningServer.fromFile(write("", "[]"));
        StreamWatcher anyone = watch("/cameras/desk/stream", null);
        apply(TestUsers.withHashes("alice", ALICE_HASH), "[alice]");
        assertThat(cutWithin(anyone)).isTrue();
        assertThat(status("/cameras/desk/snapshot", null)).isEqualTo(401);
        assertThat(status("/cameras/desk/snapshot", TestUsers.ALICE)).isEqualTo(200);
    }

    /** Writes a version of the file and waits until it is in force, as health tells anyone. */
    private void apply(String auth, String vaultUsers) throws Exception {
        String before = inForceSince();
        write(auth, vaultUsers);
        Await.until("the change in force", APPLIED, () -> !inForceSince().equals(before));
    }

    private String inForceSince() {
        return server.healthCheck("config").getJsonObject("data").getString("inForceSince");
    }

    private Path write(String auth, String vaultUsers) throws Exception {
        String allowed = vaultUsers.equals("[]") ? "" : "      allowed-users: " + vaultUsers + "\n";
        return Files.writeString(dir.resolve("application.yaml"), "server:\n  port: 0\n  host: 127.0.0.1\n"
                + "camstream:\n" + auth + """
                  cameras:
                    - name: desk
                      driver: counting
                    - name: vault
                      driver: counting
                """ + allowed);
    }

    private StreamWatcher watch(String path, String authorization) throws Exception {
        StreamWatcher watcher = StreamWatcher.open(server.uri(path), Optional.ofNullable(authorization));
        watcher.awaitArrivals(1);
        return watcher;
    }

    /** Whether a stream was cut, not ended by its camera, within about a second of the change in force. */
    private static boolean cutWithin(StreamWatcher watcher) throws Exception {
        long start = System.nanoTime();
        StreamWatcher.End end = watcher.awaitEnd();
        return end == StreamWatcher.End.CUT && Duration.ofNanos(System.nanoTime() - start).compareTo(CUT) <= 0;
    }

    private int status(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

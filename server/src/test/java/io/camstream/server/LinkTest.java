package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.server.auth.LinkCommandRun;
import io.camstream.server.auth.LinkKey;
import io.camstream.server.auth.LinkScope;
import io.camstream.server.auth.Links;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed links: made by a logged-in user through the API or by {@code camstream link}, they open their camera's
 * stream or snapshots without a login, for their user, in their scope, until they expire; anything else gets
 * {@code 401} with the reason, and no token ever reaches the log.
 */
class LinkTest {

    private static final String ALICE = TestUsers.ALICE;
    private static final String BOB = TestUsers.BOB;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;
    private static LogCapture logs;
    private static RunningServer server;
    private static final List<String> tokensUsed = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        logs = new LogCapture();
        server = RunningServer.fromFile(config(dir, "[alice]"));
    }

    @AfterAll
    static void stop() {
        server.close();
        String log = String.join("\n", logs.messages(Level.ALL));
        logs.close();
        assertThat(tokensUsed).isNotEmpty();
        for (String token : tokensUsed) {
            assertThat(log).as("the log").doesNotContain(token);
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(log).as("the log").doesNotContain(part);
                }
            }
        }
    }

    /** A configuration file in a directory, so that the link key is kept beside it, as it is by default. */
    private static Path config(Path directory, String vaultUsers) throws IOException {
        Path file = directory.resolve("application.yaml");
        Files.writeString(file, "server:\n  port: 0\n  host: 127.0.0.1\ncamstream:\n" + TestUsers.aliceAndBob() + """
                  cameras:
                    - name: vault
                      driver: picture
                      fps: 20
                      allowed-users: %s
                    - name: desk
                      driver: picture
                      fps: 20
                      variant-widths: [32]
                """.formatted(vaultUsers));
        return file;
    }

    @Test
    void aLinkFromTheApiOpensItsCamerasStreamAndSnapshotsWithoutALogin() throws Exception {
        JsonObject link = makeLink("vault", ALICE, "");
        assertThat(link.getString("camera")).isEqualTo("vault");
        assertThat(link.getString("user")).isEqualTo("alice");
        assertThat(link.getString("scope")).isEqualTo("stream");
        assertThat(Instant.parse(link.getString("expires")))
                .isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));
        URI url = URI.create(link.getString("url"));
        assertThat(url.getPath()).isEqualTo("/cameras/vault/stream");
        assertThat(url.getPort()).isEqualTo(server.port());
        try (InputStream body = Http.stream(url).body()) {
            assertThat(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()).isEqualTo(PictureProvider.jpegOf("vault"));
        }
        String token = url.getQuery().substring("token=".length());
        for (String target : List.of("/cameras/vault/snapshot", "/snapshot?camera=vault", "/?action=snapshot",
                "/snapshot")) {
            HttpResponse<byte[]> snapshot = Http.get(server.uri(target + (target.contains("?") ? "&" : "?")
                    + "token=" + token));
            assertThat(snapshot.statusCode()).as(target).isEqualTo(200);
            assertThat(snapshot.body()).as(target).isEqualTo(PictureProvider.jpegOf("vault"));
        }
    }

    @Test
    void aLinkOpensTheSmallerPicturesOfItsCameraInEveryUrlForm() throws Exception {
        String token = token(makeLink("desk", ALICE, ""));
        for (String target : List.of("/cameras/desk/stream?width=32", "/stream?camera=desk&width=32&quality=40",
                "/?action=stream&camera=desk&width=32", "/video_feed?camera=desk&width=32")) {
            try (InputStream body = Http.stream(server.uri(target + "&token=" + token)).body()) {
                assertThat(Pictures.size(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body())).as(target)
                        .isEqualTo("32x24");
            }
        }
        for (String target : List.of("/cameras/desk/snapshot?width=32", "/snapshot?camera=desk&width=32",
                "/?action=snapshot&camera=desk&width=32&quality=90")) {
            HttpResponse<byte[]> snapshot = Http.get(server.uri(target + "&token=" + token));
            assertThat(snapshot.statusCode()).as(target).isEqualTo(200);
            assertThat(Pictures.size(snapshot.body())).as(target).isEqualTo("32x24");
        }
    }

    @Test
    void aSnapshotOnlyLinkOpensSnapshotsAndNotTheStream() throws Exception {
        JsonObject link = makeLink("desk", BOB, "?snapshot-only=true&valid=2h");
        URI url = URI.create(link.getString("url"));
        assertThat(url.getPath()).isEqualTo("/cameras/desk/snapshot");
        assertThat(Instant.parse(link.getString("expires")))
                .isBetween(Instant.now().plus(Duration.ofHours(2)).minusSeconds(60), Instant.now().plus(Duration.ofHours(2)));
        assertThat(Http.get(url).body()).isEqualTo(PictureProvider.jpegOf("desk"));
        String token = url.getQuery().substring("token=".length());
        assertRefused("/cameras/desk/stream?token=" + token, "This link opens only snapshots of camera desk");
    }

    @Test
    void aLinkOpensNothingButItsOwnCamerasPictures() throws Exception {
        String token = token(makeLink("desk", ALICE, ""));
        assertRefused("/cameras/vault/snapshot?token=" + token, "This link is for another camera");
        assertRefused("/stream?camera=vault&token=" + token, "This link is for another camera");
        for (String target : List.of("/cameras/desk", "/api/cameras/desk")) {
            assertRefused(target + "?token=" + token, "This link opens the stream and snapshots of camera desk");
        }
        for (String target : List.of("/", "/api/cameras", "/assets/camstream.css", "/observe/metrics")) {
            assertRefused(target + "?token=" + token, "A link opens only the stream or snapshots of its camera");
        }
    }

    @Test
    void damagedOrForeignTokensAreRefusedWithTheReason() throws Exception {
        String token = token(makeLink("desk", ALICE, ""));
        int dot = token.indexOf('.');
        String otherUser = token.substring(0, dot - 3) + (token.charAt(dot - 3) == 'A' ? 'B' : 'A')
                + token.substring(dot - 2);
        String otherSignature = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String otherKey = new Links(new LinkKey(dir.resolve("other.key")), Clock.systemUTC())
                .issue("desk", "alice", LinkScope.STREAM, Duration.ofHours(1)).token();
        tokensUsed.addAll(List.of(otherUser, otherSignature, otherKey));
        for (String bad : List.of(otherUser, otherSignature, otherKey, "nonsense", token + "x", "")) {
            assertRefused("/cameras/desk/snapshot?token=" + bad,
                    "The link is damaged, or was not made with this server's current link key");
        }
    }

    @Test
    void anExpiredLinkIsRefusedAndCutsItsOpenStreamAtItsExpiry() throws Exception {
        Path key = dir.resolve("link.key");
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-55));
        Links.Issued expiring = new Links(new LinkKey(key), past)
                .issue("vault", "alice", LinkScope.STREAM, Duration.ofMinutes(1));
        tokensUsed.add(expiring.token());
        Instant expiry = expiring.expires();
        assertThat(expiry).isAfter(Instant.now());
        List<Instant> frames = new ArrayList<>();
        try (InputStream body = Http.stream(server.uri(expiring.path())).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            while (Instant.now().isBefore(expiry.plusSeconds(5))) {
                reader.next();
                frames.add(Instant.now());
            }
        } catch (IOException ended) {
            // the server cut it
        }
        Instant end = Instant.now();
        assertThat(frames).isNotEmpty();
        assertThat(frames.get(frames.size() - 1)).isBefore(expiry.plusMillis(1500));
        assertThat(end).isBetween(expiry.minusMillis(100), expiry.plusMillis(2500));
        assertRefused(expiring.path(), "The link expired at " + expiry);
    }

    @Test
    void onlyALoggedInUserWhoMayWatchTheCameraGetsALink() throws Exception {
        assertThat(post("/api/cameras/vault/links", Optional.of(BOB)).statusCode()).as("bob, vault").isEqualTo(404);
        assertThat(post("/api/cameras/vbult/links", Optional.of(BOB)).body())
                .isEqualTo(post("/api/cameras/vault/links", Optional.of(BOB)).body().replace("vault", "vbult"));
        assertThat(post("/api/cameras/desk/links", Optional.empty()).statusCode()).as("anonymous").isEqualTo(401);
        HttpResponse<String> tooLong = post("/api/cameras/desk/links?valid=400d", Optional.of(ALICE));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).isEqualTo("valid: '400d' is out of range (allowed: 1m to 365d, written like 500ms,"
                + " 10s, 2m, 7d)\n");
    }

    @Test
    void theCommandMakesLinksTheServerOpensAndLosingAccessRevokesThem() throws Exception {
        Path other = Files.createDirectory(dir.resolve("revoked"));
        Path file = config(other, "[alice]");
        String url;
        try (RunningServer first = RunningServer.fromFile(file)) {
            url = LinkCommandRun.run("--config", file.toString(), "--camera", "vault", "--user", "alice",
                    "--valid", "1h", "--base", "http://127.0.0.1:" + first.port());
            tokensUsed.add(URI.create(url).getQuery().substring("token=".length()));
            assertThat(Files.getPosixFilePermissions(other.resolve("link.key")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (InputStream body = Http.stream(URI.create(url)).body()) {
                assertThat(Wire.firstFrame(body)).isEqualTo(PictureProvider.jpegOf("vault"));
            }
            HttpResponse<byte[]> snapshot = Http.get(URI.create(url.replace("/stream?", "/snapshot?")));
            assertThat(snapshot.body()).isEqualTo(PictureProvider.jpegOf("vault"));
        }
        config(other, "[bob]");
        try (RunningServer second = RunningServer.fromFile(file)) {
            String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
            HttpResponse<String> refused = Http.getText(second.uri(path.replace("/stream?", "/snapshot?")));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("The user this link was made for may no longer watch camera vault\n");
        }
    }

    @Test
    void replacingTheKeyRevokesEveryLinkAndEndsTheirStreams() throws Exception {
        Path other = Files.createDirectory(dir.resolve("replaced"));
        Path file = config(other, "[alice]");
        try (RunningServer own = RunningServer.fromFile(file)) {
            String url = LinkCommandRun.run("--config", file.toString(), "--camera", "desk", "--user", "bob",
                    "--base", "http://127.0.0.1:" + own.port());
            tokensUsed.add(URI.create(url).getQuery().substring("token=".length()));
            try (InputStream body = Http.stream(URI.create(url)).body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                reader.next();
                Path key = other.resolve("link.key");
                Path fresh = other.resolve("fresh.key");
                Files.write(fresh, new byte[64]);
                Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
                Files.move(fresh, key, StandardCopyOption.REPLACE_EXISTING);
                Instant replaced = Instant.now();
                assertThatThrownBy(() -> {
                    while (Duration.between(replaced, Instant.now()).getSeconds() < 5) {
                        reader.next();
                    }
                }).isInstanceOf(IOException.class);
                assertThat(Duration.between(replaced, Instant.now())).isLessThan(Duration.ofSeconds(3));
            }
            HttpResponse<String> refused = Http.getText(URI.create(url.replace("/stream?", "/snapshot?")));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).startsWith("The link is damaged, or was not made with this server's current");
        }
    }

    @Test
    void theCommandNamesWhatIsWrong() throws Exception {
        Path file = config(Files.createDirectory(dir.resolve("wrong")), "[alice]");
        assertThatThrownBy(() -> LinkCommandRun.run("--config", file.toString(), "--camera", "attic", "--user", "alice"))
                .hasMessage("--camera: 'attic' is not a configured camera (configured: vault, desk)");
        assertThatThrownBy(() -> LinkCommandRun.run("--config", file.toString(), "--camera", "vault", "--user", "bob"))
                .hasMessage("--user: 'bob' may not watch camera 'vault' (see its allowed-users)");
        assertThatThrownBy(() -> LinkCommandRun.run("--config", file.toString(), "--camera", "desk", "--user", "bob",
                "--valid", "2y"))
                .hasMessageStartingWith("--valid: '2y' is not a duration (allowed: 1m to 365d");
        assertThatThrownBy(() -> LinkCommandRun.run("--config", file.toString(), "--camera", "desk"))
                .hasMessageStartingWith("--camera and --user are needed; usage: camstream link");
    }

    @Test
    void aKeyFileOthersMayReadOpensNoLinkAndSaysSo() throws Exception {
        Path other = Files.createDirectory(dir.resolve("loose"));
        Path file = config(other, "[alice]");
        Path key = other.resolve("link.key");
        Links.Issued link = new Links(new LinkKey(key), Clock.systemUTC())
                .issue("desk", "bob", LinkScope.STREAM, Duration.ofHours(1));
        tokensUsed.add(link.token());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        try (RunningServer loose = RunningServer.fromFile(file)) {
            assertThat(logs.messages(Level.WARNING)).anySatisfy(message -> assertThat(message).contains(
                    "Signed links are refused until this is fixed: the link key file " + key + " may be read or"
                            + " changed by other users (mode rw-r--r--); run: chmod 600 " + key));
            HttpResponse<String> refused = Http.getText(loose.uri(link.path().replace("/stream?", "/snapshot?")));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("The server cannot check links now: its link key file cannot be used"
                    + " (its log says why)\n");
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            assertThat(Http.get(loose.uri(link.path().replace("/stream?", "/snapshot?"))).body())
                    .isEqualTo(PictureProvider.jpegOf("desk"));
        }
    }

    private static void assertRefused(String target, String reason) throws Exception {
        HttpResponse<String> refused = Http.getText(server.uri(target));
        assertThat(refused.statusCode()).as(target).isEqualTo(401);
        assertThat(refused.headers().firstValue("www-authenticate")).as(target).isPresent();
        assertThat(refused.body()).as(target).startsWith(reason);
    }

    private static JsonObject makeLink(String camera, String user, String query) throws Exception {
        HttpResponse<String> created = post("/api/cameras/" + camera + "/links" + query, Optional.of(user));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject link = Json.createReader(new StringReader(created.body())).readObject();
        tokensUsed.add(token(link));
        return link;
    }

    private static String token(JsonObject link) {
        return URI.create(link.getString("url")).getQuery().substring("token=".length());
    }

    private static HttpResponse<String> post(String path, Optional<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(value -> request.header("Authorization", value));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS through server.tls, and HTTP/2 over it, with a certificate made for the test. */
class TlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;
    private static Path keystore;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("camstream.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "camstream", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        server = RunningServer.start("""
                  protocols:
                    http_1_1:
                      max-prologue-length: 4096
                      max-headers-size: 16384
                  tls:
                    private-key:
                      keystore:
                        passphrase: "%s"
                        key:
                          alias: camstream
                        resource:
                          path: "%s"
                """.formatted(new String(PASSWORD), keystore), """
                camstream:
                  cameras:
                    - name: desk
                      driver: sim
                      width: 160
                      height: 120
                    - name: door
                      driver: sim
                      width: 160
                      height: 120
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void streamsOverHttpsToAClientThatTrustsTheCertificate() throws Exception {
        HttpClient client = client(HttpClient.Version.HTTP_1_1);
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(https(server.port(), "/cameras/desk/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new MjpegReader(body, MjpegFormat.BOUNDARY).next().body()).startsWith(0xFF, 0xD8);
        }
    }

    @Test
    void twoStreamsOverHttp2ShareOneConnection() throws Exception {
        try (CountingRelay relay = new CountingRelay(server.port())) {
            HttpClient client = client(HttpClient.Version.HTTP_2);
            HttpResponse<InputStream> desk = client.send(
                    HttpRequest.newBuilder(https(relay.port(), "/cameras/desk/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MjpegReader deskFrames = new MjpegReader(desk.body(), MjpegFormat.BOUNDARY);
            deskFrames.next();
            HttpResponse<InputStream> door = client.send(
                    HttpRequest.newBuilder(https(relay.port(), "/cameras/door/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MjpegReader doorFrames = new MjpegReader(door.body(), MjpegFormat.BOUNDARY);
            for (int i = 0; i < 10; i++) {
                assertThat(deskFrames.next().body()).startsWith(0xFF, 0xD8);
                assertThat(doorFrames.next().body()).startsWith(0xFF, 0xD8);
            }
            assertThat(desk.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(door.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(relay.connections()).as("TCP connections the client opened").isEqualTo(1);
            desk.body().close();
            door.body().close();
        }
    }

    @Test
    void plainHttpIsNotServedOnTheTlsPort() throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.uri("/").getPort(),
                "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000);
        assertThat(answer.status()).as("an HTTP answer to a plain request: %s", answer.text()).isZero();
        assertThat(answer.text()).doesNotContain("camstream");
    }

    private static HttpClient client(HttpClient.Version version) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().version(version).sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI https(int port, String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.net.ssl.SSLSocket;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS through server.tls, and HTTP/2 over it, with a certificate made for the test. */
class TlsTest {

    @TempDir
    static Path dir;
    private static TestCertificate certificate;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = TestCertificate.in(dir);
        server = RunningServer.start("""
                  protocols:
                    http_1_1:
                      max-prologue-length: 4096
                      max-headers-size: 16384
                """ + certificate.serverYaml(), """
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
    void aClientOfferingAlpnHttp10GetsHttp10AndTheConnectionClosedAfterTheAnswer() throws Exception {
        try (SSLSocket socket = certificate.connect(server.port(), "http/1.0")) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("http/1.0");
            socket.getOutputStream().write("GET /api/cameras HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.0 200 OK\r\n").contains("\"name\":\"desk\"")
                    .doesNotContainIgnoringCase("transfer-encoding");
        }
    }

    @Test
    void curlHttp10OverTlsGetsASnapshot(@TempDir Path out) throws Exception {
        Tools.require("curl");
        Path jpeg = out.resolve("snapshot.jpg");
        Process curl = new ProcessBuilder("curl", "-sS", "--http1.0", "--cacert",
                certificate.certificatePem(out).toString(), "-o", jpeg.toString(), "-w", "%{http_code} %{http_version}",
                "https://127.0.0.1:" + server.port() + "/cameras/desk/snapshot").redirectErrorStream(true).start();
        String result = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(result).as("status and HTTP version (curl writes 1.0 as 1)").isEqualTo("200 1");
        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertThat(image.getWidth()).isEqualTo(160);
    }

    @Test
    void plainHttpIsNotServedOnTheTlsPort() throws Exception {
        RawRequests.Answer answer = RawRequests.exchange(server.uri("/").getPort(),
                "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 100_000);
        assertThat(answer.status()).as("an HTTP answer to a plain request: %s", answer.text()).isZero();
        assertThat(answer.text()).doesNotContain("camstream");
    }

    private static HttpClient client(HttpClient.Version version) throws Exception {
        return HttpClient.newBuilder().version(version).sslContext(certificate.trustingContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI https(int port, String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }
}

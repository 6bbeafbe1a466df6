package io.camstream.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key store a TLS server was started with is replaced by one with a new certificate, as a renewal does: new
 * connections are made with the new certificate, and a stream opened before goes on.
 */
class TlsReloadTest {

    @TempDir
    Path dir;

    @Test
    void aRenewedCertificateIsServedToNewConnectionsWhileAnOpenStreamGoesOn() throws Exception {
        TestCertificate first = TestCertificate.in(Files.createDirectory(dir.resolve("first")));
        TestCertificate renewed = TestCertificate.in(Files.createDirectory(dir.resolve("renewed")));
        Path file = Files.writeString(dir.resolve("application.yaml"), "server:\n  port: 0\n  host: 127.0.0.1\n"
                + first.serverYaml() + """
                camstream:
                  cameras:
                    - name: a
                      driver: counting
                """);
        try (RunningServer server = RunningServer.fromFile(file)) {
            assertThat(presented(server.port())).isEqualTo(first.certificate());
            HttpClient trustingFirst = HttpClient.newBuilder().sslContext(first.trustingContext())
                    .version(HttpClient.Version.HTTP_1_1).build();
            try (StreamWatcher stream = StreamWatcher.open(trustingFirst,
                    URI.create("https://127.0.0.1:" + server.port() + "/cameras/a/stream"), Optional.empty())) {
                stream.awaitArrivals(2);

                Path next = Files.copy(renewed.keystore(), dir.resolve("first/camstream.p12.new"));
                Files.move(next, first.keystore(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                X509Certificate renewedCertificate = renewed.certificate();
                Await.until("the renewed certificate served", Duration.ofSeconds(8),
                        () -> presented(server.port()).equals(renewedCertificate));

                stream.awaitArrivals(5);
                assertThat(stream.ended()).as("the stream opened with the first certificate").isFalse();
                long numbers = stream.counted().stream().map(CountingProvider.Counted::sequence).distinct().count();
                assertThat(numbers).as("frames, none missed").isEqualTo(stream.counted().size());
            }
        }
    }

    /** The certificate a new TLS connection to the server is shown. */
    private static X509Certificate presented(int port) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new AcceptAnything()}, null);
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no TLS connection to port " + port, e);
        }
    }

    /** Takes any certificate: the test looks at which one it was given. */
    private static final class AcceptAnything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

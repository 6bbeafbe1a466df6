package io.camstream.server;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key and self-signed certificate for 127.0.0.1 made by keytool, a TLS context that trusts only it, and raw TLS
 * connections and a PEM copy for clients that need them.
 */
final class TestCertificate {

    static final String PASSWORD = "test-only";

    private final Path keystore;

    private TestCertificate(Path keystore) {
        this.keystore = keystore;
    }

    static TestCertificate in(Path dir) throws Exception {
        Path keystore = dir.resolve("camstream.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "camstream", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return new TestCertificate(keystore);
    }

    private KeyStore load() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** The {@code server.tls} section for this key, indented to sit under {@code server:}. */
    String serverYaml() {
        return """
                  tls:
                    private-key:
                      keystore:
                        passphrase: "%s"
                        key:
                          alias: camstream
                        resource:
                          path: "%s"
                """.formatted(PASSWORD, keystore);
    }

    /** The key store file, which a test may replace to renew the certificate. */
    Path keystore() {
        return keystore;
    }

    /** The certificate the server presents with this key. */
    X509Certificate certificate() throws Exception {
        return (X509Certificate) load().getCertificate("camstream");
    }

    SSLContext trustingContext() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /** The certificate as PEM in the folder, for clients such as curl that read no PKCS12 trust store. */
    Path certificatePem(Path dir) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(load().getCertificate("camstream").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("camstream.pem"), pem);
    }

    /** A TLS connection to the port, offering the given ALPN protocols, with its handshake done. */
    SSLSocket connect(int port, String... protocols) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        SSLSocket socket = (SSLSocket) trustingContext().getSocketFactory().createSocket(plain, "localhost", port,
                true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(protocols);
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }
}

package io.camstream.server;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A key and self-signed certificate for 127.0.0.1 made by keytool, and a TLS context that trusts only it. */
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
}

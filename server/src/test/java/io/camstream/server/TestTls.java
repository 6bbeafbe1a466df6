package io.camstream.server;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A certificate made for a test, the server settings that use it, and clients that trust it. */
final class TestTls {

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final Path keystore;

    private TestTls(Path keystore) {
        this.keystore = keystore;
    }

    /** Makes a key and a self-signed certificate for localhost and 127.0.0.1 in the folder, with the JDK's keytool. */
    static TestTls create(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("camstream.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "camstream", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return new TestTls(keystore);
    }

    /** The {@code server.tls} settings, indented for {@link RunningServer#start(String, String)}. */
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
                """.formatted(new String(PASSWORD), keystore);
    }

    /** The certificate as PEM in the folder, for clients such as curl that read no PKCS12 trust store. */
    Path certificatePem(Path dir) throws IOException, GeneralSecurityException {
        KeyStore store = load();
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(store.getCertificate("camstream").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("camstream.pem"), pem);
    }

    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore trusted = load();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** A TLS connection to the port, offering the given ALPN protocols, with its handshake done. */
    SSLSocket connect(int port, String... protocols) throws IOException, GeneralSecurityException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        SSLSocket socket = (SSLSocket) clientContext().getSocketFactory().createSocket(plain, "localhost", port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(protocols);
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }
}

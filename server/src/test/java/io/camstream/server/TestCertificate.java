package io.camstream.server;

import io.camstream.bench.attack.SelfSignedCertificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A key and self-signed certificate for 127.0.0.1 (camstream-bench's, which its attack suite uses too), a TLS context
 * that trusts only it, and raw TLS connections and a PEM copy for clients that need them.
 */
final class TestCertificate {

    private static final String PASSWORD = "test-only";

    private final SelfSignedCertificate certificate;

    private TestCertificate(SelfSignedCertificate certificate) {
        this.certificate = certificate;
    }

    static TestCertificate in(Path dir) throws Exception {
        return new TestCertificate(SelfSignedCertificate.make(dir, PASSWORD));
    }

    /** The {@code server.tls} section for this key, indented to sit under {@code server:}. */
    String serverYaml() {
        return certificate.serverYaml();
    }

    /** The key store file, which a test may replace to renew the certificate. */
    Path keystore() {
        return certificate.keystore();
    }

    /** The certificate the server presents with this key, read from the key store file as it is now. */
    X509Certificate certificate() throws Exception {
        return (X509Certificate) certificate.load().getCertificate(SelfSignedCertificate.ALIAS);
    }

    SSLContext trustingContext() throws Exception {
        return certificate.trustingContext();
    }

    /** The certificate as PEM in the folder, for clients such as curl that read no PKCS12 trust store. */
    Path certificatePem(Path dir) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate().getEncoded())
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

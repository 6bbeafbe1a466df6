package io.camstream.bench.attack;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

/**
 * A key and self-signed certificate for {@code localhost} and 127.0.0.1, made by the JDK's keytool into a PKCS12
 * store: for a camstream with {@code server.tls} in tests and attacks, and a TLS context that trusts only it.
 *
 * @param keystore the PKCS12 file
 * @param password its password, and the key's
 */
public record SelfSignedCertificate(Path keystore, String password) {

    /** The key's alias in the store. */
    public static final String ALIAS = "camstream";

    /**
     * Makes a new key and certificate, valid for two days.
     *
     * @param dir      where the store is written ({@code camstream.p12})
     * @param password the store's and the key's password
     * @return the certificate
     * @throws IOException when keytool fails, with its output
     */
    public static SelfSignedCertificate make(Path dir, String password) throws IOException, InterruptedException {
        Path keystore = dir.resolve("camstream.p12");
        Files.deleteIfExists(keystore);
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool could not make a certificate: " + output);
        }
        return new SelfSignedCertificate(keystore, password);
    }

    /** @return the {@code server.tls} section for this key, indented to sit under {@code server:} */
    public String serverYaml() {
        return """
                  tls:
                    private-key:
                      keystore:
                        passphrase: "%s"
                        key:
                          alias: %s
                        resource:
                          path: "%s"
                """.formatted(password, ALIAS, keystore);
    }

    /** @return a TLS context that trusts this certificate and no other */
    public SSLContext trustingContext() throws GeneralSecurityException, IOException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /** @return the store, with the key and its certificate */
    public KeyStore load() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}

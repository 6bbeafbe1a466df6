package io.camstream.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any {@code token=} value, and any payload signed with the server's key (as only its holder could): a link opens
 * only before its expiry and names the camera and user its payload does; every refusal is a reason that never
 * repeats the token, which is a secret that must not reach a log line.
 */
class LinkTokenFuzzTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_796_140_000L);
    private static final byte[] KEY = new byte[LinkKey.MIN_BYTES];
    private static final Links LINKS = new Links(new LinkKey(keyFile()), Clock.fixed(NOW, ZoneOffset.UTC));

    @FuzzTest
    void verifiesAnyToken(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        verify(text);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(Hmac.sha256(KEY, text));
        Caller.Link link = verify(signed);
        assertThat(link == null || text.split(":", 5)[3].equals(link.token().camera())).as("camera of %s", text)
                .isTrue();
    }

    /** The link, or null when refused with a reason that is not the token. */
    private static Caller.Link verify(String token) {
        try {
            Caller.Link link = LINKS.verify(token);
            assertThat(link.token().expires()).isAfter(NOW);
            return link;
        } catch (Links.Invalid refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain(token.length() >= 8 ? token : "\0");
            return null;
        }
    }

    /** A key file of zeros, as LinkKey wants it: only its owner may read it. */
    private static Path keyFile() {
        try {
            Path dir = Files.createTempDirectory("camstream-link-key");
            Path file = dir.resolve("link.key");
            Files.write(file, KEY);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

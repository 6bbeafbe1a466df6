package io.camstream.server.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    private final PasswordChecks checks = new PasswordChecks(1, 4);
    private final Credentials credentials = new Credentials(
            Map.of("alice", PasswordHash.create("s3cret!".toCharArray(), 10_000)), checks);

    @AfterEach
    void stop() {
        checks.close();
    }

    @Test
    void everySpellingOfAVerifiedHeaderIsRememberedWithoutHashingAgain() throws Exception {
        String encoded = Base64.getEncoder().encodeToString("alice:s3cret!".getBytes(StandardCharsets.UTF_8));
        assertThat(encoded).endsWith("=");
        assertThat(credentials.verify(credentials.parse("Basic " + encoded).orElseThrow())).isTrue();
        String unpadded = encoded.replace("=", "");
        List<String> spellings = List.of("basic " + encoded, "BASIC " + encoded, "Basic     " + encoded,
                "Basic\t" + encoded, "  Basic " + encoded + "  ", "Basic " + unpadded,
                "Basic " + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("alice:s3cret!".getBytes(StandardCharsets.UTF_8)));
        for (String header : spellings) {
            Credentials.Basic basic = credentials.parse(header).orElseThrow();
            assertThat(credentials.remembered(basic)).as(header).hasValue("alice");
        }
        assertThat(checks.checked()).as("hashes checked").isEqualTo(1);
    }

    @Test
    void aWrongPasswordOrUnknownUserCostsAHashAndIsNotRemembered() throws Exception {
        for (String pair : List.of("alice:wrong", "mallory:s3cret!")) {
            String header = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            assertThat(credentials.verify(credentials.parse(header).orElseThrow())).as(pair).isFalse();
            assertThat(credentials.remembered(credentials.parse(header).orElseThrow())).as(pair).isEmpty();
        }
        assertThat(checks.checked()).isEqualTo(2);
    }

    @Test
    void otherSchemesAndGarbageAreNotCredentials() {
        for (String header : List.of("Bearer abc", "Basic", "Basic !!!", "Basicx YWxpY2U6czNjcmV0",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(credentials.parse(header)).as(header).isEmpty();
        }
    }

    @Test
    void aPasswordWithControlCharactersIsNotCredentials() {
        // Found by CredentialsFuzzTest: HMAC pads its key with zeros, so "s3cret!" followed by NULs passed PBKDF2 as
        // "s3cret!". RFC 7617 allows no control characters at all.
        for (String pair : List.of("alice:s3cret!\0\0\0", "alice:s3c\tret!", "al\u007fice:s3cret!")) {
            String header = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            assertThat(credentials.parse(header)).as(pair).isEmpty();
        }
    }
}

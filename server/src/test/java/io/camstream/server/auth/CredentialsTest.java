package io.camstream.server.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialsTest {

    private static final Credentials USERS =
            new Credentials(Map.of("alice", PasswordHash.create("secret".toCharArray(), 1)));

    @Test
    void theRightPairProvesTheUser() {
        assertThat(USERS.check(basic("alice:secret"))).hasValue("alice");
    }

    @Test
    void aPasswordWithTrailingNulsIsNotThePassword() {
        // Found by CredentialsFuzzTest: HMAC pads its key with zeros, so PBKDF2 alone cannot tell them apart.
        assertThat(USERS.check(basic("alice:secret\0\0\0"))).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedAsRfc7617Says() {
        assertThat(USERS.check(basic("alice:sec\tret"))).isEmpty();
        assertThat(USERS.check(basic("al\u007fice:secret"))).isEmpty();
    }

    private static Optional<String> basic(String pair) {
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}

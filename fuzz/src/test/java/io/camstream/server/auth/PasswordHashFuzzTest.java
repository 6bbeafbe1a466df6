package io.camstream.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text as a user's {@code password-hash}: it is refused with one of a few fixed messages (never repeating the
 * text, a secret), or read into a hash that prints back the same and that a login can be checked against in bounded
 * time (the fuzzer's timeout catches one that would take minutes).
 */
class PasswordHashFuzzTest {

    /** The messages of each kind of refusal, taken from one example of each. */
    private static final Set<String> REFUSALS = Set.of(
            refusal("bcrypt$2b$12$abc"),
            refusal(PasswordHash.SCHEME + "$many$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="),
            refusal(PasswordHash.SCHEME + "$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="),
            refusal(PasswordHash.SCHEME + "$100000000$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA=="));

    @FuzzTest
    void readsAnyStoredHash(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        PasswordHash hash;
        try {
            hash = PasswordHash.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isIn(REFUSALS);
            return;
        }
        assertThat(PasswordHash.parse(hash.format()).format()).isEqualTo(hash.format());
        assertThat(hash.matches("not the password".toCharArray())).isFalse();
    }

    private static String refusal(String text) {
        try {
            PasswordHash.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted as a hash: " + text);
    }
}

package io.camstream.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any {@code Authorization} header value: it proves the one configured user only when it is Basic with that user's
 * name and password, never throws, and gets the same answer when sent again (the remembered answer included).
 */
class CredentialsFuzzTest {

    /** One iteration: the check's cost is not under test, its decoding is. */
    private static final Credentials USERS =
            new Credentials(Map.of("alice", PasswordHash.create("secret".toCharArray(), 1)));

    @FuzzTest
    void decodesAnyHeader(byte[] data) {
        String header = new String(data, StandardCharsets.ISO_8859_1);
        Optional<String> user = USERS.check(Optional.of(header));
        assertThat(user.map(name -> proves(header))).isIn(Optional.empty(), Optional.of(true));
        assertThat(USERS.check(Optional.of(header))).isEqualTo(user);
    }

    /** RFC 7617: "Basic", then base64 of user-id ":" password. */
    private static boolean proves(String header) {
        String value = header.trim();
        assertThat(value.substring(0, 6).toLowerCase(Locale.ROOT)).isEqualTo("basic ");
        byte[] pair = Base64.getDecoder().decode(value.substring(6).trim());
        return new String(pair, StandardCharsets.UTF_8).equals("alice:secret");
    }
}

package io.camstream.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any {@code Authorization} header value: it is read the same way each time, it proves the one configured user only
 * when it is Basic with that user's name and password (in any of the spellings camstream accepts), and once it has,
 * the remembered answer is found for it without a check.
 */
class CredentialsFuzzTest {

    /** One iteration: the check's cost is not under test, the header's decoding is. The JVM ends with the run. */
    private static final Credentials USERS = new Credentials(
            Map.of("alice", PasswordHash.create("secret".toCharArray(), 1)), new PasswordChecks(1, 4));

    @FuzzTest
    void decodesAnyHeader(byte[] data) throws Exception {
        String header = new String(data, StandardCharsets.ISO_8859_1);
        Optional<Credentials.Basic> basic = USERS.parse(header);
        assertThat(USERS.parse(header).map(Credentials.Basic::user)).isEqualTo(basic.map(Credentials.Basic::user));
        boolean proven = basic.isPresent() && USERS.verify(basic.get());
        assertThat(!proven || isAlicesPassword(header)).as("proven only by alice's password").isTrue();
        assertThat(!proven || USERS.parse(header).flatMap(USERS::remembered).equals(Optional.of("alice")))
                .as("a proven header is remembered").isTrue();
    }

    /** RFC 7617: "Basic", blanks, then base64 (either alphabet, padding optional) of "alice:secret". */
    private static boolean isAlicesPassword(String header) {
        String value = header.strip();
        assertThat(value.substring(0, 5)).isEqualToIgnoringCase("basic");
        String encoded = value.substring(5).strip().replace('-', '+').replace('_', '/');
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).equals("alice:secret");
    }
}

package io.camstream.server.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    @Test
    void storedFormNamesSchemeAndIterationsAndMatchesOnlyItsPassword() {
        String stored = PasswordHash.create("hunter2".toCharArray(), 20_000).format();
        assertThat(stored).matches("pbkdf2-sha256\\$20000\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
        PasswordHash hash = PasswordHash.parse(stored);
        assertThat(hash.matches("hunter2".toCharArray())).isTrue();
        assertThat(hash.matches("hunter3".toCharArray())).isFalse();
        assertThat(hash.toString()).doesNotContain(stored.split("\\$")[3]);
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertThat(PasswordHash.create("x".toCharArray(), 10_000).format())
                .isNotEqualTo(PasswordHash.create("x".toCharArray(), 10_000).format());
    }

    @Test
    void textsThatAreNotHashesOrTooWeakAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> PasswordHash.parse("plain-text-password"))
                .hasMessageContaining("pbkdf2-sha256$<iterations>").hasMessageNotContaining("plain-text-password");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=="))
                .hasMessageContaining("too weak");
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$x$y$z")).hasMessageContaining("damaged");
    }

    @Test
    void aHashTooCostlyToCheckAtEachLoginIsRefused() {
        // Found by PasswordHashFuzzTest: 100,000,000 iterations held a login for minutes.
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$100000000$AAECAwQFBgcc$VAXiYJCXlO76mJF15WlcWg=="))
                .hasMessage("is too costly a password hash to check at each login (at most 2000000 iterations and"
                        + " 64 bytes of hash; make a new one with 'camstream hash-password')");
        String longHash = "A".repeat(88);
        assertThatThrownBy(() -> PasswordHash.parse("pbkdf2-sha256$10000$AAECAwQFBgcc$" + longHash))
                .hasMessageStartingWith("is too costly");
    }
}

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
}

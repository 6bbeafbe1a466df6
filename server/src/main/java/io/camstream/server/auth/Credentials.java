package io.camstream.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: Basic} credentials against the configured users. A PBKDF2 check costs about 0.12 s
 * by design and a browser sends the header with every stream and snapshot, so credentials that passed are
 * remembered in a small bounded table. Its key is an HMAC, under a random key of this process, of the decoded user
 * name and password, never the header's text: however a client spells the same header (blanks after
 * {@code Basic}, the scheme's case, base64 with or without padding or in its URL-safe alphabet) it finds the same
 * entry, so no rewriting makes a known user cost a hash again. An unknown user costs the same work as a wrong
 * password, so timing does not tell which names exist.
 */
final class Credentials {

    private static final int REMEMBERED = 1024;
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9+/_-]+=*");

    /** A decoded header: the user name and the password sent, and the table's key for them. */
    static final class Basic {
        private final String user;
        private final char[] password;
        private final String key;

        private Basic(String user, char[] password, String key) {
            this.user = user;
            this.password = password;
            this.key = key;
        }

        String user() {
            return user;
        }
    }

    private final Map<String, PasswordHash> users;
    private final PasswordHash decoy;
    private final PasswordChecks checks;
    private final byte[] tableKey = new byte[32];
    private final Map<String, String> passed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    Credentials(Map<String, PasswordHash> users, PasswordChecks checks) {
        this.users = users;
        this.checks = checks;
        this.decoy = users.values().stream().findFirst()
                .orElseGet(() -> PasswordHash.create("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS));
        new SecureRandom().nextBytes(tableKey);
    }

    /**
     * Reads an Authorization header.
     *
     * @param header the header's value
     * @return the user name and password, or empty when it is not Basic credentials
     */
    Optional<Basic> parse(String header) {
        String value = header.strip();
        int blank = indexOfBlank(value);
        if (blank < 0 || !value.substring(0, blank).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String encoded = value.substring(blank).strip();
        if (!TOKEN68.matcher(encoded).matches()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        int colon = pair.indexOf(':');
        // RFC 7617 allows no control characters; and PBKDF2's HMAC pads its key with zeros, so "secret" followed by
        // NULs would otherwise pass as "secret".
        if (colon < 0 || pair.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(new Basic(pair.substring(0, colon), pair.substring(colon + 1).toCharArray(), key(pair)));
    }

    /**
     * The user, when these credentials passed before.
     *
     * @param basic decoded credentials
     * @return the user name, or empty when they must be checked
     */
    Optional<String> remembered(Basic basic) {
        synchronized (passed) {
            return Optional.ofNullable(passed.get(basic.key));
        }
    }

    /**
     * Checks credentials against the user's hash (or a decoy's, for an unknown name) off the request's carrier,
     * and remembers them when they pass.
     *
     * @param basic decoded credentials; the password is cleared
     * @return whether they name a user with that password
     * @throws PasswordChecks.Busy  when too many checks are waiting already
     * @throws InterruptedException when the request is interrupted meanwhile
     */
    boolean verify(Basic basic) throws PasswordChecks.Busy, InterruptedException {
        PasswordHash hash = users.get(basic.user);
        boolean matches = checks.matches(hash == null ? decoy : hash, basic.password);
        if (hash == null || !matches) {
            return false;
        }
        synchronized (passed) {
            passed.put(basic.key, basic.user);
        }
        return true;
    }

    private String key(String pair) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(tableKey, pair));
    }

    private static int indexOfBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}

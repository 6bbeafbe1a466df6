package io.camstream.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an {@code Authorization: Basic} header against the configured users. A PBKDF2 check costs tens to
 * hundreds of milliseconds by design, and a browser sends the header with every stream and snapshot, so headers
 * that passed are remembered by their SHA-256 digest (never in clear) in a small bounded table. An unknown user
 * costs the same PBKDF2 work as a wrong password, so timing does not tell which names exist.
 */
final class Credentials {

    private static final int REMEMBERED = 1024;

    private final Map<String, PasswordHash> users;
    private final PasswordHash decoy;
    private final Map<String, String> passed = new ConcurrentHashMap<>();

    Credentials(Map<String, PasswordHash> users) {
        this.users = users;
        this.decoy = users.values().stream().findFirst()
                .orElseGet(() -> PasswordHash.create("decoy".toCharArray(), PasswordHash.DEFAULT_ITERATIONS));
    }

    /**
     * The user an Authorization header proves, if it does.
     *
     * @param header the header's value, if sent
     * @return the user name, or empty when the header is missing, malformed or wrong
     */
    Optional<String> check(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (value.length() < 6 || !value.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return Optional.empty();
        }
        String digest = digest(value);
        String known = passed.get(digest);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> user = verify(value.substring(6).trim());
        user.ifPresent(name -> remember(digest, name));
        return user;
    }

    private Optional<String> verify(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
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
        String name = pair.substring(0, colon);
        char[] password = pair.substring(colon + 1).toCharArray();
        try {
            PasswordHash hash = users.get(name);
            boolean matches = (hash == null ? decoy : hash).matches(password);
            return hash != null && matches ? Optional.of(name) : Optional.empty();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void remember(String digest, String name) {
        if (passed.size() >= REMEMBERED) {
            passed.clear();
        }
        passed.put(digest, name);
    }

    private static String digest(String header) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}

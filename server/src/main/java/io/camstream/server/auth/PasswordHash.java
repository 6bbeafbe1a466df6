package io.camstream.server.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A stored password: PBKDF2-HMAC-SHA256 in the self-describing form
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}, as {@code camstream hash-password} prints it.
 * Checking a password derives the hash again and compares in constant time.
 */
public final class PasswordHash {

    /** The scheme's name, the first field of the stored form. */
    public static final String SCHEME = "pbkdf2-sha256";

    /** Iterations for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000. */
    static final int DEFAULT_ITERATIONS = 600_000;

    static final String FORMAT = SCHEME + "$<iterations>$<salt, base64>$<hash, base64>";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MIN_ITERATIONS = 10_000;
    /**
     * About 0.4 s per check here (0.12 s at the default): a stored hash with more (a typo's extra zeros) would hold
     * every login of its user for seconds to minutes.
     */
    private static final int MAX_ITERATIONS = 2_000_000;
    /** PBKDF2 runs all its iterations again for every 32 bytes asked for. */
    private static final int MAX_HASH_BYTES = 64;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new password with a random salt.
     *
     * @param password   the password
     * @param iterations PBKDF2 iterations
     * @return the hash
     */
    public static PasswordHash create(char[] password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Reads a stored hash. The message of the exception never repeats the text, which is a secret.
     *
     * @param text the stored form
     * @return the hash
     * @throws IllegalArgumentException when the text is not in the stored form
     */
    static PasswordHash parse(String text) {
        String[] fields = text.trim().split("\\$", -1);
        if (fields.length != 4 || !fields[0].equals(SCHEME)) {
            throw new IllegalArgumentException("is not a password hash (expected " + FORMAT
                    + "; make one with 'camstream hash-password')");
        }
        int iterations;
        byte[] salt;
        byte[] hash;
        try {
            iterations = Integer.parseInt(fields[1]);
            salt = Base64.getDecoder().decode(fields[2]);
            hash = Base64.getDecoder().decode(fields[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is a damaged password hash: iterations, salt or hash cannot be read ("
                    + FORMAT + ")");
        }
        if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length < 16) {
            throw new IllegalArgumentException("is too weak a password hash (at least " + MIN_ITERATIONS
                    + " iterations, 8 bytes of salt and 16 of hash; make a new one with 'camstream hash-password')");
        }
        if (iterations > MAX_ITERATIONS || hash.length > MAX_HASH_BYTES) {
            throw new IllegalArgumentException("is too costly a password hash to check at each login (at most "
                    + MAX_ITERATIONS + " iterations and " + MAX_HASH_BYTES + " bytes of hash; make a new one with "
                    + "'camstream hash-password')");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /**
     * Whether a password is the one this hash was made from, compared in constant time.
     *
     * @param password the password to check
     * @return {@code true} when it matches
     */
    boolean matches(char[] password) {
        return MessageDigest.isEqual(derive(password, salt, iterations, hash.length), hash);
    }

    /**
     * The stored form.
     *
     * @return {@code pbkdf2-sha256$...}
     */
    public String format() {
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return SCHEME + " hash (" + iterations + " iterations)";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}

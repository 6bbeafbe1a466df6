package io.camstream.server;

import io.camstream.server.auth.PasswordHash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Users for tests: alice and bob with their passwords, and the YAML that configures them. */
final class TestUsers {

    static final String ALICE_PASSWORD = "correct horse";
    static final String BOB_PASSWORD = "battery staple";
    static final String ALICE = basic("alice", ALICE_PASSWORD);
    static final String BOB = basic("bob", BOB_PASSWORD);
    static final String ALICE_HASH = hash(ALICE_PASSWORD);
    static final String BOB_HASH = hash(BOB_PASSWORD);

    private TestUsers() {
    }

    /** The {@code auth:} section with alice and bob, indented to sit under {@code camstream:}. */
    static String aliceAndBob() {
        return withHashes("alice", ALICE_HASH, "bob", BOB_HASH);
    }

    /** The {@code auth:} section with users given as name, password, name, password, ... (cheap hashes). */
    static String users(String... namesAndPasswords) {
        String[] namesAndHashes = namesAndPasswords.clone();
        for (int i = 1; i < namesAndHashes.length; i += 2) {
            namesAndHashes[i] = hash(namesAndHashes[i]);
        }
        return withHashes(namesAndHashes);
    }

    /** The {@code auth:} section with users given as name, hash, name, hash, ... */
    static String withHashes(String... namesAndHashes) {
        StringBuilder yaml = new StringBuilder("  auth:\n    users:\n");
        for (int i = 0; i < namesAndHashes.length; i += 2) {
            yaml.append("      - username: ").append(namesAndHashes[i]).append('\n')
                    .append("        password-hash: \"").append(namesAndHashes[i + 1]).append("\"\n");
        }
        return yaml.toString();
    }

    /** A hash with few iterations, so that tests do not wait for it. */
    static String hash(String password) {
        return PasswordHash.create(password.toCharArray(), 10_000).format();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

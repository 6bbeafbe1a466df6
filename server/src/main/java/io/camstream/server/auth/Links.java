package io.camstream.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs and verifies links: a token is {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))} with the
 * payload {@code 1:<expiry, epoch seconds>:<scope>:<camera>:<user>} (user last: user names cannot hold a colon).
 * Signatures are compared in constant time. The token itself is a secret: it never goes into a log line.
 */
public final class Links {

    /** How long a link is valid unless told otherwise. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    /** The shortest validity a link may be given. */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    /** The longest validity a link may be given. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(365);

    private static final String VERSION = "1";
    private static final int MAX_TOKEN_CHARS = 1024;
    private static final String DAMAGED = "the link is damaged, or was not made with this server's current link key"
            + " (replacing the key revokes every link)";

    /**
     * A link just made.
     *
     * @param token   the token
     * @param expires when it stops opening anything
     * @param path    the path and query to open: {@code /cameras/door/stream?token=...}
     */
    public record Issued(String token, Instant expires, String path) {
    }

    /** A token that opens nothing; the message says why, without repeating the token. */
    public static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason);
        }
    }

    private final LinkKey key;
    private final Clock clock;

    /**
     * Creates the signer.
     *
     * @param key   the key file
     * @param clock the clock that tells expiry
     */
    public Links(LinkKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /**
     * Makes a link's token, creating the key file if there is none.
     *
     * @param camera the camera's name
     * @param user   the user it is made for
     * @param scope  what it opens
     * @param valid  for how long, between {@link #MIN_VALIDITY} and {@link #MAX_VALIDITY}
     * @return the link; its token is URL-safe as it is
     */
    public Issued issue(String camera, String user, LinkScope scope, Duration valid) {
        if (valid.compareTo(MIN_VALIDITY) < 0 || valid.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("a link is valid from 1 minute to 365 days, not " + valid);
        }
        Instant expires = clock.instant().plus(valid).truncatedTo(ChronoUnit.SECONDS);
        String payload = String.join(":", VERSION, String.valueOf(expires.getEpochSecond()),
                scope.name().toLowerCase(Locale.ROOT), camera, user);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String token = base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(Hmac.sha256(key.forSigning().bytes(), payload));
        String path = "/cameras/" + camera + (scope == LinkScope.SNAPSHOT ? "/snapshot" : "/stream")
                + "?token=" + token;
        return new Issued(token, expires, path);
    }

    /**
     * Checks a token's signature and expiry.
     *
     * @param token the {@code token=} value
     * @return the verified link
     * @throws Invalid when it is damaged, signed with another key, or expired
     */
    public Caller.Link verify(String token) throws Invalid {
        int dot = token.indexOf('.');
        if (token.length() > MAX_TOKEN_CHARS || dot < 0) {
            throw new Invalid(DAMAGED);
        }
        Optional<LinkKey.Secret> secret = key.current();
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Invalid(DAMAGED);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        if (secret.isEmpty() && key.problem().isPresent()) {
            throw new Invalid("the server cannot check links now: its link key file cannot be used (its log says why)");
        }
        if (secret.isEmpty() || !MessageDigest.isEqual(Hmac.sha256(secret.get().bytes(), text), signature)) {
            throw new Invalid(DAMAGED);
        }
        LinkToken link = parse(text);
        if (!clock.instant().isBefore(link.expires())) {
            throw new Invalid("the link expired at " + link.expires());
        }
        return new Caller.Link(link, secret.get().generation());
    }

    /**
     * Whether a link verified earlier still opens anything now: not expired, and the key unchanged.
     *
     * @param link the link
     * @return {@code false} once it has expired or its key was replaced
     */
    public boolean holds(Caller.Link link) {
        return clock.instant().isBefore(link.token().expires())
                && key.current().map(s -> s.generation() == link.keyGeneration()).orElse(false);
    }

    private static LinkToken parse(String payload) throws Invalid {
        String[] fields = payload.split(":", 5);
        if (fields.length != 5 || !fields[0].equals(VERSION)) {
            throw new Invalid(DAMAGED);
        }
        try {
            return new LinkToken(fields[3], fields[4], LinkScope.valueOf(fields[2].toUpperCase(Locale.ROOT)),
                    Instant.ofEpochSecond(Long.parseLong(fields[1])));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new Invalid(DAMAGED);
        }
    }
}

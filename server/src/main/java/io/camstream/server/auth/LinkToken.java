package io.camstream.server.auth;

import java.time.Instant;

/**
 * What a signed link grants: one user's view of one camera, in a scope, until a time. Only the server's key makes a
 * token that verifies; each use is checked again against today's users and {@code allowed-users}.
 *
 * @param camera  the camera's name
 * @param user    the user the link was made for
 * @param scope   what it opens
 * @param expires when it stops opening anything
 */
public record LinkToken(String camera, String user, LinkScope scope, Instant expires) {
}

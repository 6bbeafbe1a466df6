package io.camstream.server.auth;

/**
 * Who sent a request, as the login filter established it once per request and left it in the request's context.
 * Every route that names a camera asks {@link Access} what this caller may do with it.
 */
public sealed interface Caller {

    /** No users are configured: everyone may watch every camera. */
    record Anyone() implements Caller {
    }

    /**
     * A user who logged in with a right password.
     *
     * @param name the user name
     */
    record User(String name) implements Caller {
    }

    /**
     * A signed link, verified and not expired when the request arrived.
     *
     * @param token         what the link grants
     * @param keyGeneration the link key it was verified with, so that a replaced key ends its open streams
     */
    record Link(LinkToken token, long keyGeneration) implements Caller {
    }
}

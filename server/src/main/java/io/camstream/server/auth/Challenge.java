package io.camstream.server.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** The {@code 401} answer: a login is needed, or the link sent does not open what was asked, and why. */
public final class Challenge {

    /** The Basic challenge browsers answer with a login prompt. */
    static final String BASIC = "Basic realm=\"camstream\", charset=\"UTF-8\"";

    private Challenge() {
    }

    /**
     * Answers {@code 401} with the Basic challenge and a reason.
     *
     * @param res    the response
     * @param reason what is missing or wrong, a sentence without a final stop
     */
    public static void refuse(ServerResponse res, String reason) {
        res.status(Status.UNAUTHORIZED_401)
                .header(HeaderNames.WWW_AUTHENTICATE, BASIC)
                .send(Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + "\n");
    }
}

package io.camstream.server.log;

/**
 * A kind of thing that clients do to the server, one by one harmless but by the thousand a flood in the log: each is
 * logged once, then counted and summed up once per interval by {@link IncidentLog}.
 */
public enum Incident {

    /** A connection that sent no complete request head within {@code header-read-timeout}. */
    SLOW_HEAD(System.Logger.Level.INFO, "a connection closed for sending no complete request head within "
            + "header-read-timeout", "connections closed for sending no complete request head within "
            + "header-read-timeout"),
    /** A request whose client closed the connection in the middle of its headers. */
    ABORTED_HEAD(System.Logger.Level.INFO, "a request aborted in its headers", "requests aborted in their headers"),
    /** A request line whose method is not an HTTP token, answered 400. */
    BAD_METHOD(System.Logger.Level.INFO, "a request with a method HTTP does not allow (answered 400)",
            "requests with a method HTTP does not allow (answered 400)"),
    /** A connection whose client left before its request could be read. */
    LEFT_EARLY(System.Logger.Level.INFO, "a connection closed by its client before its request was read",
            "connections closed by their client before their request was read"),
    /** An idle connection closed to make room for a new one. */
    EVICTED(System.Logger.Level.INFO, "an idle connection closed to make room for a new one",
            "idle connections closed to make room for new ones"),
    /** A connection refused because its client holds {@code max-connections-per-client} busy ones. */
    REFUSED_PER_CLIENT(System.Logger.Level.WARNING, "a connection refused: its client has "
            + "camstream.max-connections-per-client busy connections", "connections refused: their client has "
            + "camstream.max-connections-per-client busy connections"),
    /** A connection refused because its client opened more than {@code connection-rate-per-client} a second. */
    REFUSED_RATE(System.Logger.Level.WARNING, "a connection refused: its client opens more than "
            + "camstream.connection-rate-per-client connections a second", "connections refused: their client opens "
            + "more than camstream.connection-rate-per-client connections a second"),
    /** A connection refused because the server holds {@code max-connections} busy ones. */
    REFUSED_IN_ALL(System.Logger.Level.WARNING, "a connection refused: camstream.max-connections are busy",
            "connections refused: camstream.max-connections are busy"),
    /** The listener could not accept a connection (out of descriptors or memory); the source is the error. */
    ACCEPT_FAILED(System.Logger.Level.WARNING, "a failure to accept a connection (camstream backs off and closes "
            + "idle connections)", "failures to accept a connection (camstream backs off and closes idle "
            + "connections)", "because of");

    private final System.Logger.Level level;
    private final String one;
    private final String many;
    private final String source;

    Incident(System.Logger.Level level, String one, String many) {
        this(level, one, many, "from");
    }

    Incident(System.Logger.Level level, String one, String many, String source) {
        this.level = level;
        this.one = one;
        this.many = many;
        this.source = source;
    }

    System.Logger.Level level() {
        return level;
    }

    /** One of them, with its article: "a request aborted in its headers". */
    String one() {
        return one;
    }

    /** Several of them: "requests aborted in their headers". */
    String many() {
        return many;
    }

    /** How the sources are introduced: "from" for clients, "because of" for errors. */
    String source() {
        return source;
    }
}

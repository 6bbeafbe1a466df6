package io.camstream.server.auth;

/** What a route does with the camera it names; a link opens only the uses of its scope. */
public enum CameraUse {
    /** Live pictures. */
    STREAM,
    /** One picture. */
    SNAPSHOT,
    /** The camera's state and figures (the API). */
    FIGURES,
    /** The camera's own page. */
    PAGE,
    /** Making signed links to the camera. */
    LINKS,
    /** What the camera recorded: its events and recordings, played back, as snapshots and exported. */
    RECORDINGS
}

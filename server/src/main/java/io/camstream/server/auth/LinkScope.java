package io.camstream.server.auth;

import java.util.Set;

/** What a signed link opens: a camera's stream and snapshots, or its snapshots only. */
public enum LinkScope {
    /** Stream and snapshot URLs of the camera. */
    STREAM(Set.of(CameraUse.STREAM, CameraUse.SNAPSHOT), "the stream and snapshots"),
    /** Snapshot URLs of the camera ({@code --snapshot-only}). */
    SNAPSHOT(Set.of(CameraUse.SNAPSHOT), "only snapshots");

    private final Set<CameraUse> uses;
    private final String description;

    LinkScope(Set<CameraUse> uses, String description) {
        this.uses = uses;
        this.description = description;
    }

    boolean allows(CameraUse use) {
        return uses.contains(use);
    }

    String description() {
        return description;
    }
}

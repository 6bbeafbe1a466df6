package io.camstream.core.cameras;

import io.camstream.core.fanout.CameraFeed;

/**
 * Follows the set of cameras as the configuration changes: whatever lives beside a camera (its health check, its
 * meters, a recorder) is made in {@link #added} and released in {@link #removed}. A camera whose configuration
 * changed is a new feed: the old one is removed, then the new one added. Calls come one at a time, from the thread
 * that applies a change.
 */
public interface CameraListener {

    /**
     * A camera joined, or was there when this listener was registered. Nothing is captured until a viewer arrives.
     *
     * @param feed the camera
     */
    void added(CameraFeed feed);

    /**
     * A camera is leaving: removed from the configuration, changed (a new feed takes its name), or the server is
     * stopping. The feed is closed right after this returns, which ends its viewers' streams.
     *
     * @param feed the camera
     */
    void removed(CameraFeed feed);
}

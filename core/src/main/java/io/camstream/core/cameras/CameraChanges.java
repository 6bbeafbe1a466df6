package io.camstream.core.cameras;

import java.util.List;

/**
 * What applying a configuration did to the cameras.
 *
 * @param added   cameras that are new
 * @param changed cameras whose configuration changed: each is a new feed, its old viewers' streams ended
 * @param removed cameras no longer configured: their viewers' streams ended, their captures stopped
 * @param kept    cameras that did not change: their captures and viewers go on untouched
 */
public record CameraChanges(List<String> added, List<String> changed, List<String> removed, List<String> kept) {

    /**
     * Whether nothing changed.
     *
     * @return {@code true} when every camera was kept
     */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}

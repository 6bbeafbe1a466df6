package io.camstream.core.fanout;

import java.util.Optional;

/**
 * What one viewer asked for when it attached.
 *
 * @param remoteAddress   who is watching, for operators; empty for internal viewers such as snapshots
 * @param maxFps          the most frames per second this viewer wants; 0 for as many as the camera gives
 * @param dualFinalFrames send the last frame once more as soon as the camera pauses (for WebKit, which shows a
 *                        part only when the next one begins)
 */
public record ViewerOptions(Optional<String> remoteAddress, double maxFps, boolean dualFinalFrames) {

    /** A viewer with no wishes and no address, as a snapshot takes its picture. */
    public static final ViewerOptions INTERNAL = new ViewerOptions(Optional.empty(), 0, false);
}

package io.camstream.core.fanout;

import io.camstream.core.variant.VariantSpec;

import java.util.Optional;

/**
 * What one viewer asked for when it attached.
 *
 * @param remoteAddress   who is watching, for operators; empty for internal viewers such as snapshots
 * @param maxFps          the most frames per second this viewer wants; 0 for as many as the camera gives
 * @param dualFinalFrames send the last frame once more as soon as the camera pauses (for WebKit, which shows a
 *                        part only when the next one begins)
 * @param variant         a smaller or lower-quality picture, or empty for the camera's own
 */
public record ViewerOptions(Optional<String> remoteAddress, double maxFps, boolean dualFinalFrames,
                            Optional<VariantSpec> variant) {

    /** A viewer with no wishes and no address, as a snapshot takes its picture. */
    public static final ViewerOptions INTERNAL = new ViewerOptions(Optional.empty(), 0, false);

    /**
     * A viewer of the camera's own picture.
     *
     * @param remoteAddress   who is watching
     * @param maxFps          the most frames per second this viewer wants; 0 for all
     * @param dualFinalFrames send the last frame once more when the camera pauses
     */
    public ViewerOptions(Optional<String> remoteAddress, double maxFps, boolean dualFinalFrames) {
        this(remoteAddress, maxFps, dualFinalFrames, Optional.empty());
    }

    /**
     * The same wishes for another picture.
     *
     * @param picture the variant, or empty for the camera's own picture
     * @return the options
     */
    public ViewerOptions withVariant(Optional<VariantSpec> picture) {
        return new ViewerOptions(remoteAddress, maxFps, dualFinalFrames, picture);
    }
}

package io.camstream.core.variant;

/**
 * One active variant as operators see it.
 *
 * @param spec           the width and quality asked for
 * @param width          the width of its last frame, 0 before the first
 * @param height         the height of its last frame, 0 before the first
 * @param viewers        streams and snapshots of it now
 * @param framesEncoded  camera frames it encoded
 * @param framesSkipped  camera frames it missed because it was still encoding an earlier one
 * @param encodeMillis   CPU time per encoded frame, averaged over the last few dozen
 * @param frameBytes     the JPEG size of its last frame
 */
public record VariantState(VariantSpec spec, int width, int height, int viewers, long framesEncoded,
                           long framesSkipped, double encodeMillis, int frameBytes) {
}

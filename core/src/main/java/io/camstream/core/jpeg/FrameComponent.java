package io.camstream.core.jpeg;

/**
 * One component (Y, Cb, Cr, or the only one of a grey picture) as the frame header declares it.
 *
 * @param id         the component identifier the scans refer to
 * @param h          horizontal sampling factor, 1 to 4
 * @param v          vertical sampling factor, 1 to 4
 * @param quantTable which quantisation table (0 to 3) its coefficients use
 */
public record FrameComponent(int id, int h, int v, int quantTable) {
}

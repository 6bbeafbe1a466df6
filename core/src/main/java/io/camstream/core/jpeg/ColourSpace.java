package io.camstream.core.jpeg;

/** What a JPEG's components hold. */
public enum ColourSpace {
    /** One component of luminance. */
    GREY,
    /** Y, Cb, Cr as JFIF defines them (the usual case). */
    YCBCR,
    /** R, G, B coded as they are (an Adobe APP14 segment with transform 0). */
    RGB
}

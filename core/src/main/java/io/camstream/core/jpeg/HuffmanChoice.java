package io.camstream.core.jpeg;

/** Which Huffman tables {@link JpegWriter} codes a picture with. */
public enum HuffmanChoice {
    /**
     * The tables the picture was read with when they have a code for every symbol it needs (one pass; cameras use
     * annex K's tables, which have all), else optimal ones; optimal ones too for coefficients that were not read
     * from a JPEG (no tables in their headers).
     */
    ORIGINAL_IF_COMPLETE,
    /** Tables built for this picture's symbol counts: the smallest output, at the cost of a counting pass. */
    OPTIMAL,
    /** T.81 annex K's tables (one pass; they have a code for every symbol). */
    STANDARD
}

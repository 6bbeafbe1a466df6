package io.camstream.core.jpeg;

/** Where a scan's symbols go: into bits ({@link BitWriter}) or into counts for an optimal table. */
interface EntropyOut {

    /**
     * One Huffman symbol and the extra bits after it.
     *
     * @return false when the table has no code for the symbol
     */
    boolean symbol(int table, int symbol, int extra, int extraLength);

    /** Ends a restart interval with the given marker (RST0 to RST7), or the scan when negative. */
    void interval(int restartMarker);
}

package io.camstream.core.jpeg;

/**
 * Receives the blocks of a picture as the entropy decoder produces them, so that a caller can keep the coefficients
 * (lossless transforms), turn them into pixels at once (decoding), or keep only what it needs (the DC terms of the
 * luminance for a tiny picture) without storing the rest.
 */
public interface BlockSink {

    /**
     * Called once, before the first block, when the tables of the first scan are known.
     *
     * @param headers the picture's headers
     */
    void start(JpegHeaders headers);

    /**
     * One block. Blocks of an interleaved scan come MCU by MCU; those of a scan with one component row by row.
     *
     * @param component    the component's index in the frame
     * @param blockX       the block's column in the component's block grid
     * @param blockY       the block's row
     * @param coefficients the 64 quantised coefficients in natural (row-major) order; read only, valid during the call
     * @param nonZero      bit {@code i} set where coefficient {@code i} (natural order) may be non-zero; at most 1
     *                     when only the DC term may be
     */
    void block(int component, int blockX, int blockY, short[] coefficients, long nonZero);
}

package io.camstream.core.jpeg;

/**
 * The large arrays of one picture's coefficients and samples, kept by one thread from frame to frame: a camera's
 * frames all have one size, so turning or shrinking each of them in the same buffers allocates nothing but the
 * resulting JPEG. At 1280×720 a turn otherwise allocates about 3 MB of coefficients per frame, 90 MB/s at 30 fps,
 * which with the server's small young generation went straight to the old one and grew the heap by hundreds of
 * megabytes; and its entropy coder's room for the JPEG another 230 kB. Not thread-safe: one per thread. What a call with buffers returns besides the JPEG (a decoded picture)
 * is good until the next call with the same buffers.
 */
public final class FrameBuffers {

    /** The most components a JPEG has. */
    private static final int COMPONENTS = 4;

    /** Who uses the arrays, so that users alive at once in one call never share one. */
    enum Use {
        /** The coefficients read from a JPEG ({@link CoefficientImage}). */
        READ,
        /** Samples decoded from a JPEG ({@link PixelSink}). */
        DECODED,
        /** Samples resized ({@link Resampler}). */
        RESIZED,
        /** The coefficients of planes to encode ({@link PlanarEncoder}). */
        ENCODED
    }

    private final short[][] shorts = new short[slots()][];
    private final long[][] longs = new long[slots()][];
    private final byte[][] bytes = new byte[slots()][];
    private final int[][] ints = new int[slots()][];
    private byte[] coded = new byte[0];

    /** Creates empty buffers; they grow to the first frame's size. */
    public FrameBuffers() {
    }

    /**
     * Coefficients, with whatever the last frame left in them, as every array here: their users write each one they
     * read (the padding blocks up to whole MCUs, which a scan of one component does not code, are never read:
     * {@link BlockMap} repeats the last coded block instead).
     */
    short[] coefficients(Use use, int component, int length) {
        int slot = slot(use, component);
        short[] array = shorts[slot];
        if (array == null || array.length != length) {
            array = new short[length];
            shorts[slot] = array;
        }
        return array;
    }

    /** Masks of non-zero coefficients. */
    long[] masks(Use use, int component, int length) {
        int slot = slot(use, component);
        long[] array = longs[slot];
        if (array == null || array.length != length) {
            array = new long[length];
            longs[slot] = array;
        }
        return array;
    }

    /** Samples. */
    byte[] samples(Use use, int component, int length) {
        int slot = slot(use, component);
        byte[] array = bytes[slot];
        if (array == null || array.length != length) {
            array = new byte[length];
            bytes[slot] = array;
        }
        return array;
    }

    /** Sums of weighted samples. */
    int[] sums(Use use, int component, int length) {
        int slot = slot(use, component);
        int[] array = ints[slot];
        if (array == null || array.length != length) {
            array = new int[length];
            ints[slot] = array;
        }
        return array;
    }

    /**
     * Room for a JPEG being coded, before it is copied out at its size: at least the given length, and larger when a
     * frame before needed more.
     */
    byte[] coded(int length) {
        if (coded.length < length) {
            coded = new byte[length];
        }
        return coded;
    }

    /** Keeps the room a JPEG grew while it was coded, for the next frame. */
    void keepCoded(byte[] grown) {
        if (grown.length > coded.length) {
            coded = grown;
        }
    }

    private static int slot(Use use, int component) {
        return use.ordinal() * COMPONENTS + component;
    }

    private static int slots() {
        return Use.values().length * COMPONENTS;
    }
}

package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

import java.util.List;

/**
 * Turns and mirrors JPEGs: losslessly in the DCT domain where the picture's size allows it
 * ({@link LosslessTransform#isLossless}), otherwise by decoding, turning the samples and encoding again with the
 * picture's own quantisation tables and sampling, for the components that need it only
 * ({@link LosslessTransform#losslessComponents}). The result says which was done.
 * <p>
 * Of the APPn and COM segments, JFIF (APP0), Adobe (APP14, which says how to read the colours) and comments are kept;
 * EXIF (APP1) and the others are dropped, since their orientation tag and thumbnail describe the picture before it
 * was turned. EXIF orientation is never applied: the camera's {@code rotate} and {@code flip} keys say how to turn.
 */
public final class JpegTransformer {

    /** How a picture was turned. */
    public enum Path {
        /** Nothing to do: the orientation is {@link Orientation#NONE}; the bytes are the input's. */
        UNCHANGED,
        /** In the DCT domain: every pixel is exactly the source's. */
        LOSSLESS,
        /**
         * The luminance in the DCT domain, exactly; the chrominance decoded and encoded again, because its blocks
         * do not fill a mirrored edge (4:2:0 pictures of 1080 rows turned by a quarter).
         */
        PARTLY_LOSSLESS,
        /** Decoded and encoded again, because a mirrored edge is not a whole number of blocks. */
        REENCODED
    }

    /**
     * A turned picture.
     *
     * @param jpeg the JPEG
     * @param path how it was made
     */
    public record Result(byte[] jpeg, Path path) {
    }

    private final Orientation orientation;
    private final JpegLimits limits;

    /**
     * Creates a transformer.
     *
     * @param orientation how to turn pictures
     * @param limits      the largest picture accepted
     */
    public JpegTransformer(Orientation orientation, JpegLimits limits) {
        this.orientation = orientation;
        this.limits = limits;
    }

    /**
     * How pictures of a frame's size and sampling are turned.
     *
     * @param frame a frame header ({@link JpegReader#readHeaders})
     * @return the path {@link #transform} takes for them
     */
    public Path pathFor(JpegFrame frame) {
        if (orientation == Orientation.NONE) {
            return Path.UNCHANGED;
        }
        boolean[] exact = LosslessTransform.losslessComponents(frame, orientation);
        int count = 0;
        for (boolean e : exact) {
            count += e ? 1 : 0;
        }
        return count == exact.length ? Path.LOSSLESS : count == 0 ? Path.REENCODED : Path.PARTLY_LOSSLESS;
    }

    /**
     * Turns one picture.
     *
     * @param jpeg the JPEG
     * @return the turned JPEG and how it was made
     * @throws UnsupportedJpegException for a JPEG of a kind not handled (the caller may pass it on unturned)
     * @throws JpegException            for malformed input
     */
    public Result transform(byte[] jpeg) {
        return transform(jpeg, new FrameBuffers());
    }

    /**
     * Turns one picture in buffers the caller keeps from frame to frame, as a camera's frame stage does.
     *
     * @param jpeg    the JPEG
     * @param buffers where the coefficients and samples go
     * @return the turned JPEG and how it was made
     * @throws UnsupportedJpegException for a JPEG of a kind not handled (the caller may pass it on unturned)
     * @throws JpegException            for malformed input
     */
    public Result transform(byte[] jpeg, FrameBuffers buffers) {
        if (orientation == Orientation.NONE) {
            return new Result(jpeg, Path.UNCHANGED);
        }
        JpegFrame frame = JpegReader.readHeaders(jpeg, limits).frame();
        Path path = pathFor(frame);
        if (path == Path.LOSSLESS) {
            CoefficientImage source = CoefficientImage.read(jpeg, limits, null, buffers);
            return new Result(write(LosslessTransform.apply(source, orientation), buffers), Path.LOSSLESS);
        }
        return new Result(turn(jpeg, LosslessTransform.losslessComponents(frame, orientation), buffers), path);
    }

    /**
     * Turns one picture by decoding and encoding it again, whatever its size: what {@link #transform} does when it
     * must, here on demand (to measure it, or to compare).
     *
     * @param jpeg the JPEG
     * @return the turned JPEG, {@link Path#REENCODED}
     * @throws JpegException as {@link #transform} does
     */
    public Result reencode(byte[] jpeg) {
        int components = JpegReader.readHeaders(jpeg, limits).frame().components().size();
        return new Result(turn(jpeg, new boolean[components], new FrameBuffers()), Path.REENCODED);
    }

    /** Keeps the blocks of the components marked exact, turned; decodes, turns and encodes again the others. */
    private byte[] turn(byte[] jpeg, boolean[] exact, FrameBuffers buffers) {
        int decode = 0;
        for (int c = 0; c < exact.length; c++) {
            decode |= exact[c] ? 0 : 1 << c;
        }
        PixelSink pixels = new PixelSink(Scale.FULL.blockSize(), decode, buffers);
        CoefficientImage source = CoefficientImage.read(jpeg, limits, pixels, buffers);
        JpegHeaders turned = LosslessTransform.turnedHeaders(source.headers(), orientation);
        short[][] planes = new short[exact.length][];
        long[][] nonZero = new long[exact.length][];
        CoefficientImage.Layout[] layouts = new CoefficientImage.Layout[exact.length];
        Fdct fdct = new Fdct();
        for (int c = 0; c < exact.length; c++) {
            if (exact[c]) {
                planes[c] = source.storedPlane(c);
                nonZero[c] = source.storedNonZero(c);
                layouts[c] = source.layout(c).then(orientation);
            } else {
                PlanarEncoder.Coded coded = PlanarEncoder.component(
                        PlaneTransform.apply(pixels.plane(c), orientation), turned, c, fdct, buffers);
                planes[c] = coded.coefficients();
                nonZero[c] = coded.nonZero();
                layouts[c] = CoefficientImage.Layout.of(turned.frame(), c);
            }
        }
        return write(new CoefficientImage(turned, planes, nonZero, layouts), buffers);
    }

    private static byte[] write(CoefficientImage image, FrameBuffers buffers) {
        JpegHeaders headers = image.headers();
        List<Segment> kept = headers.segments().stream()
                .filter(s -> s.marker() == 0xE0 || s.marker() == 0xEE || s.marker() == 0xFE)
                .toList();
        return JpegWriter.write(image, HuffmanChoice.ORIGINAL_IF_COMPLETE, headers.restartInterval(), kept,
                buffers);
    }
}

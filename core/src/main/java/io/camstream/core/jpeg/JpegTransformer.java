package io.camstream.core.jpeg;

import io.camstream.spi.Orientation;

import java.util.List;

/**
 * Turns and mirrors JPEGs: losslessly in the DCT domain where the picture's size allows it
 * ({@link LosslessTransform#isLossless}), otherwise by decoding, turning the samples and encoding again with the
 * picture's own quantisation tables and sampling. The result says which was done.
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
        /** Decoded and encoded again, because a mirrored edge is not a whole number of MCUs. */
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
     * Whether pictures of a frame's size and sampling are turned losslessly.
     *
     * @param frame a frame header ({@link JpegReader#readHeaders})
     * @return the path {@link #transform} takes for them
     */
    public Path pathFor(JpegFrame frame) {
        if (orientation == Orientation.NONE) {
            return Path.UNCHANGED;
        }
        return LosslessTransform.isLossless(frame, orientation) ? Path.LOSSLESS : Path.REENCODED;
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
        if (orientation == Orientation.NONE) {
            return new Result(jpeg, Path.UNCHANGED);
        }
        JpegFrame frame = JpegReader.readHeaders(jpeg, limits).frame();
        if (LosslessTransform.isLossless(frame, orientation)) {
            CoefficientImage turned = LosslessTransform.apply(CoefficientImage.read(jpeg, limits), orientation);
            return new Result(write(turned), Path.LOSSLESS);
        }
        return reencode(jpeg);
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
        PixelSink sink = new PixelSink(Scale.FULL.blockSize(), false);
        JpegHeaders headers = JpegReader.read(jpeg, limits, sink);
        Plane[] source = sink.image().planes();
        Plane[] planes = new Plane[source.length];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = PlaneTransform.apply(source[c], orientation);
        }
        JpegHeaders turned = LosslessTransform.turnedHeaders(headers, orientation);
        return new Result(write(PlanarEncoder.coefficients(planes, turned)), Path.REENCODED);
    }

    private static byte[] write(CoefficientImage image) {
        JpegHeaders headers = image.headers();
        List<Segment> kept = headers.segments().stream()
                .filter(s -> s.marker() == 0xE0 || s.marker() == 0xEE || s.marker() == 0xFE)
                .toList();
        return JpegWriter.write(image, HuffmanChoice.ORIGINAL_IF_COMPLETE, headers.restartInterval(), kept);
    }
}

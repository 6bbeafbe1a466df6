package io.camstream.core.jpeg;

/**
 * Decodes JPEGs to planes of samples, whole or reduced: the work of the inverse DCT shrinks with the scale (an
 * eighth needs none), so a small picture of a large frame is cheap. Pictures at an exact width are decoded at the
 * smallest {@link Scale} at least that wide, then shrunk by {@link Resampler}.
 */
public final class JpegDecoder {

    private JpegDecoder() {
    }

    /**
     * Decodes every component at a scale.
     *
     * @param jpeg   the JPEG
     * @param scale  how much smaller
     * @param limits the largest picture accepted
     * @return the planes, each at its component's resolution
     * @throws JpegException for malformed or unsupported input
     */
    public static PlanarImage decode(byte[] jpeg, Scale scale, JpegLimits limits) {
        return decode(jpeg, scale, limits, new FrameBuffers());
    }

    private static PlanarImage decode(byte[] jpeg, Scale scale, JpegLimits limits, FrameBuffers buffers) {
        PixelSink sink = PixelSink.all(scale.blockSize(), buffers);
        JpegReader.read(jpeg, limits, sink);
        return sink.image();
    }

    /**
     * Decodes a picture to an exact width; the height follows the aspect ratio.
     *
     * @param jpeg   the JPEG
     * @param width  the width wanted, at most the picture's
     * @param limits the largest picture accepted
     * @return the planes
     * @throws JpegException for malformed or unsupported input
     */
    public static PlanarImage decode(byte[] jpeg, int width, JpegLimits limits) {
        return decode(jpeg, width, limits, new FrameBuffers());
    }

    /**
     * Decodes a picture to an exact width in buffers the caller keeps from frame to frame.
     *
     * @param jpeg    the JPEG
     * @param width   the width wanted, at most the picture's
     * @param limits  the largest picture accepted
     * @param buffers where the samples go; the result is good until their next use
     * @return the planes
     * @throws JpegException for malformed or unsupported input
     */
    public static PlanarImage decode(byte[] jpeg, int width, JpegLimits limits, FrameBuffers buffers) {
        JpegFrame frame = JpegReader.readHeaders(jpeg, limits).frame();
        return Resampler.toWidth(decode(jpeg, Scale.atLeast(frame.width(), width), limits, buffers), width, buffers);
    }

    /**
     * Decodes only the luminance, at an exact width (motion detection wants about 160 samples across).
     *
     * @param jpeg   the JPEG
     * @param width  the width wanted
     * @param limits the largest picture accepted
     * @return the luminance plane; the height follows the aspect ratio
     * @throws JpegException for malformed or unsupported input
     */
    public static Plane luminance(byte[] jpeg, int width, JpegLimits limits) {
        JpegFrame frame = JpegReader.readHeaders(jpeg, limits).frame();
        FrameBuffers buffers = new FrameBuffers();
        PixelSink sink = new PixelSink(Scale.atLeast(frame.width(), width).blockSize(), 1, buffers);
        JpegReader.read(jpeg, limits, sink);
        return Resampler.toWidth(sink.luma(), width, buffers).luma();
    }
}

/**
 * camstream's JPEG toolkit, pure Java, written from ITU-T T.81: splitting MJPEG byte streams, reading baseline
 * JPEGs to DCT coefficients, lossless turning in the DCT domain, decoding (whole or reduced), resizing and encoding.
 * <p>
 * What the frame stages call:
 * <ul>
 *   <li>{@link io.camstream.core.jpeg.JpegTransformer#transform(byte[])}: turns a frame by the camera's
 *       {@link io.camstream.spi.Orientation}; the {@link io.camstream.core.jpeg.JpegTransformer.Path} says whether
 *       it was lossless or re-encoded; {@link io.camstream.core.jpeg.JpegTransformer#pathFor} tells in advance.</li>
 *   <li>{@link io.camstream.core.jpeg.JpegDecoder#luminance(byte[], int, JpegLimits)}: a small grey picture of an
 *       exact width (motion detection), from the DC terms alone when the width allows.</li>
 *   <li>{@link io.camstream.core.jpeg.JpegDecoder#decode(byte[], int, JpegLimits)}: YCbCr planes of an exact width
 *       (variants), decoded at the smallest sufficient {@link io.camstream.core.jpeg.Scale} and shrunk by
 *       {@link io.camstream.core.jpeg.Resampler}; {@link io.camstream.core.jpeg.JpegDecoder#decode(byte[], Scale,
 *       JpegLimits)} at a scale.</li>
 *   <li>{@link io.camstream.core.jpeg.PlanarEncoder#encode(PlanarImage, int, int)}: planes to a JPEG at a quality
 *       of 1 to 100 (IJG scaling of the annex K tables).</li>
 *   <li>{@link io.camstream.core.jpeg.ColourConversion}: RGB pictures to 4:2:0 planes and planes to RGB.</li>
 * </ul>
 * Lower down: {@link io.camstream.core.jpeg.JpegReader} (headers, blocks into a
 * {@link io.camstream.core.jpeg.BlockSink}), {@link io.camstream.core.jpeg.CoefficientImage},
 * {@link io.camstream.core.jpeg.LosslessTransform}, {@link io.camstream.core.jpeg.JpegWriter}.
 * <p>
 * Every reader takes {@link io.camstream.core.jpeg.JpegLimits} and fails with a
 * {@link io.camstream.core.jpeg.JpegException} on malformed input, or an
 * {@link io.camstream.core.jpeg.UnsupportedJpegException} naming a kind it does not handle (progressive,
 * arithmetic, 12-bit, lossless, hierarchical, 2 or 4 components), so that a caller can pass the frame on as it is.
 * The classes hold no shared state: one call per frame on any thread. A thread that handles frame after frame of one
 * camera passes its own {@link io.camstream.core.jpeg.FrameBuffers} to the calls that take them, so that the
 * coefficients and samples of each frame reuse the last one's arrays.
 */
package io.camstream.core.jpeg;

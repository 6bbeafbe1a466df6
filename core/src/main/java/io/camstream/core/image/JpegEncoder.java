package io.camstream.core.image;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Encodes opaque pictures (such as {@code TYPE_3BYTE_BGR} or {@code TYPE_INT_RGB}) as baseline JPEG at a fixed
 * quality with ImageIO, reusing one writer for every picture. Colour pictures are coded with 4:2:0 chroma
 * subsampling, so a minimum coded unit (MCU) is 16×16 pixels.
 * <p>
 * Not thread-safe: use one encoder per thread. Close it to release the writer's native memory.
 */
public final class JpegEncoder implements AutoCloseable {

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final int restartInterval;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    /**
     * Creates an encoder.
     *
     * @param quality 1 (smallest) to 100 (best)
     * @throws IllegalArgumentException when the quality is out of range
     */
    public JpegEncoder(int quality) {
        this(quality, 0);
    }

    /**
     * Creates an encoder that puts a restart marker after every {@code restartInterval} MCUs. Each interval is
     * then coded independently of the others, so intervals of different encodings of the same size and quality
     * can be spliced together.
     *
     * @param quality         1 (smallest) to 100 (best)
     * @param restartInterval MCUs between restart markers, 0 for none, at most 65535
     * @throws IllegalArgumentException when a value is out of range
     */
    public JpegEncoder(int quality, int restartInterval) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, was " + quality);
        }
        if (restartInterval < 0 || restartInterval > 0xFFFF) {
            throw new IllegalArgumentException("restart interval must be 0 to 65535, was " + restartInterval);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO JPEG writer");
        }
        this.writer = writers.next();
        this.param = writer.getDefaultWriteParam();
        this.restartInterval = restartInterval;
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
    }

    /**
     * Encodes a whole picture.
     *
     * @param image an opaque picture
     * @return a complete JPEG
     * @throws UncheckedIOException when the writer fails
     */
    public byte[] encode(BufferedImage image) {
        return encode(image, null);
    }

    /**
     * Encodes part of a picture, as if it were a picture of its own.
     *
     * @param image  an opaque picture
     * @param region the part to encode, or {@code null} for all of it
     * @return a complete JPEG of the region's size
     * @throws UncheckedIOException when the writer fails
     */
    public byte[] encode(BufferedImage image, Rectangle region) {
        param.setSourceRegion(region);
        buffer.reset();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata(image)), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.setOutput(null);
        }
        return buffer.toByteArray();
    }

    /**
     * Releases the writer. Calling it again does nothing.
     */
    @Override
    public void close() {
        writer.dispose();
    }

    /** The writer's defaults plus a DRI marker; {@code null} (all defaults) without a restart interval. */
    private IIOMetadata metadata(BufferedImage image) throws IIOInvalidTreeException {
        if (restartInterval == 0) {
            return null;
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        IIOMetadataNode dri = new IIOMetadataNode("dri");
        dri.setAttribute("interval", Integer.toString(restartInterval));
        IIOMetadataNode markers = new IIOMetadataNode("markerSequence");
        markers.appendChild(dri);
        IIOMetadataNode root = new IIOMetadataNode(NATIVE_FORMAT);
        root.appendChild(new IIOMetadataNode("JPEGvariety"));
        root.appendChild(markers);
        metadata.mergeTree(NATIVE_FORMAT, root);
        return metadata;
    }
}

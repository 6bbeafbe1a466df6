package io.camstream.core.jpeg;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Real JPEGs written by ImageIO, and the unusual but valid variants a camera may send. */
final class TestJpegs {

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    private TestJpegs() {
    }

    /** Random pixels: the entropy-coded data is dense with FF 00 stuffing. */
    static byte[] noise(int width, int height, long seed) {
        return write(noiseImage(width, height, seed), false, 0);
    }

    /** Several scans, with Huffman tables between them. */
    static byte[] progressive(int width, int height, long seed) {
        return write(noiseImage(width, height, seed), true, 0);
    }

    /** Restart markers RST0 to RST7 in the entropy-coded data, every {@code interval} MCUs. */
    static byte[] withRestarts(int width, int height, long seed, int interval) {
        return write(noiseImage(width, height, seed), false, interval);
    }

    /**
     * The picture with an EXIF APP1 segment right after SOI that holds a JPEG thumbnail, as cameras write it: the
     * thumbnail brings its own SOI and EOI.
     */
    static byte[] withExifThumbnail(byte[] jpeg, byte[] thumbnail) {
        return insertAfterSoi(jpeg, segment(0xE1, exif(thumbnail)));
    }

    /** The picture with a comment segment that contains EOI and SOI markers. */
    static byte[] withMarkersInComment(byte[] jpeg) {
        byte[] text = "EOI FF D9 here: \u00ff\u00d9 and SOI: \u00ff\u00d8".getBytes(StandardCharsets.ISO_8859_1);
        return insertAfterSoi(jpeg, segment(0xFE, text));
    }

    /** The picture with fill bytes (extra FF) before its first scan and before its EOI. */
    static byte[] withFillBytes(byte[] jpeg) {
        int sos = indexOf(jpeg, 0xDA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, sos);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF});
        out.write(jpeg, sos, jpeg.length - 2 - sos);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** How often a two-byte sequence occurs. */
    static int count(byte[] data, int first, int second) {
        int n = 0;
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == first && (data[i + 1] & 0xFF) == second) {
                n++;
            }
        }
        return n;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static BufferedImage noiseImage(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] write(BufferedImage image, boolean progressive, int restartInterval) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            if (restartInterval > 0) {
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(JPEG_METADATA);
                IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(restartInterval));
                markers.insertBefore(dri, markers.getFirstChild());
                metadata.setFromTree(JPEG_METADATA, root);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** "Exif\0\0" and a little-endian TIFF structure whose IFD1 points at the thumbnail, which follows it. */
    private static byte[] exif(byte[] thumbnail) {
        int ifd1 = 8 + 2 + 4;
        int thumbnailOffset = ifd1 + 2 + 3 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(thumbnailOffset + thumbnail.length).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 0).putInt(ifd1); // IFD0: no entries, then IFD1
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0103).putShort((short) 3).putInt(1).putInt(6); // Compression: JPEG
        tiff.putShort((short) 0x0201).putShort((short) 4).putInt(1).putInt(thumbnailOffset);
        tiff.putShort((short) 0x0202).putShort((short) 4).putInt(1).putInt(thumbnail.length);
        tiff.putInt(0);
        tiff.put(thumbnail);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    private static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("segment too long: " + length);
        }
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, payload);
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int indexOf(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(marker));
    }
}

package io.camstream.server;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Pictures as a decoder other than camstream's sees them (ImageIO). */
final class Pictures {

    private Pictures() {
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            if (image == null) {
                throw new AssertionError("not a picture ImageIO reads: " + jpeg.length + " bytes");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code 320x180} */
    static String size(byte[] jpeg) {
        BufferedImage image = decode(jpeg);
        return image.getWidth() + "x" + image.getHeight();
    }
}

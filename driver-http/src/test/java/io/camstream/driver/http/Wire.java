package io.camstream.driver.http;

import io.camstream.core.image.JpegEncoder;
import io.camstream.core.image.Pixels;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Bytes of responses as cameras send them, for scripted upstreams. */
final class Wire {

    private Wire() {
    }

    /** A picture of one colour, made with camstream's own encoder. */
    static byte[] jpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Pixels.fillRect(image, 0, 0, width, height, color.getRGB());
        try (JpegEncoder encoder = new JpegEncoder(80)) {
            return encoder.encode(image);
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static void head(OutputStream out, String contentType, boolean chunked) throws IOException {
        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n") + "\r\n"));
        out.flush();
    }

    /** Wraps a stream so that everything written goes out as HTTP/1.1 chunks, one per flush-free write. */
    static OutputStream chunked(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return;
                }
                out.write(ascii(Integer.toHexString(len) + "\r\n"));
                out.write(b, off, len);
                out.write(ascii("\r\n"));
                out.flush();
            }
        };
    }
}

package io.camstream.bench.frames;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes benchmark JPEGs of a chosen size: a gradient and a label, with pixel noise so that the size is what a
 * camera picture of that resolution weighs, at the JPEG quality that comes closest to the target.
 */
public final class NoisyFrames {

    /** Noise of this amplitude puts a 1280x720 frame of about 67 kB at quality 0.7, as a camera would encode it. */
    private static final int NOISE = 6;
    private static final int SEARCH_STEPS = 12;

    private NoisyFrames() {
    }

    /**
     * A frame written by {@link #write(FrameOptions)}.
     *
     * @param file    where
     * @param bytes   its size
     * @param quality the JPEG quality used, 0 to 1
     */
    public record Written(Path file, int bytes, float quality) {
    }

    /**
     * Writes {@code frame-001.jpg} and on into the folder.
     *
     * @param options what to make
     * @return what was written
     * @throws IOException when the folder cannot be written
     */
    public static List<Written> write(FrameOptions options) throws IOException {
        Files.createDirectories(options.out());
        List<Written> written = new ArrayList<>();
        int target = (int) Math.round(options.targetKb() * 1000);
        for (int i = 1; i <= options.count(); i++) {
            BufferedImage image = picture(options.width(), options.height(), i);
            Encoded best = closest(image, target);
            Path file = options.out().resolve(String.format("frame-%03d.jpg", i));
            Files.write(file, best.jpeg());
            written.add(new Written(file, best.jpeg().length, best.quality()));
        }
        return written;
    }

    static BufferedImage picture(int width, int height, int index) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        float hue = index * 0.13f;
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.9f),
                width, height, Color.getHSBColor(hue + 0.5f, 0.7f, 0.3f)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, height / 12)));
        g.drawString("camstream bench frame " + index, width / 20, height / 2);
        g.dispose();
        Random random = new Random(index);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, noisy(image.getRGB(x, y), random));
            }
        }
        return image;
    }

    private static int noisy(int rgb, Random random) {
        int shift = random.nextInt(2 * NOISE + 1) - NOISE;
        int r = clamp(((rgb >> 16) & 0xFF) + shift);
        int g = clamp(((rgb >> 8) & 0xFF) + shift);
        int b = clamp((rgb & 0xFF) + shift);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private record Encoded(byte[] jpeg, float quality) {
    }

    /** Bisects the quality, since the size grows with it. */
    private static Encoded closest(BufferedImage image, int target) {
        float low = 0.05f;
        float high = 1.0f;
        Encoded best = null;
        for (int step = 0; step < SEARCH_STEPS; step++) {
            float quality = (low + high) / 2;
            Encoded encoded = new Encoded(encode(image, quality), quality);
            if (best == null || Math.abs(encoded.jpeg().length - target) < Math.abs(best.jpeg().length - target)) {
                best = encoded;
            }
            if (encoded.jpeg().length < target) {
                low = quality;
            } else {
                high = quality;
            }
        }
        return best;
    }

    static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

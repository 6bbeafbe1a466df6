package io.camstream.bench.frames;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames with motion in them, for detection to find: the noisy bench picture, still, with a white box that crosses
 * it and comes back over the frames, so that a camera playing them in a loop moves without a jump.
 */
public final class MovingBoxFrames {

    private MovingBoxFrames() {
    }

    /**
     * Writes {@code count} frames as {@code move-NNN.jpg}.
     *
     * @return the files, in order
     * @throws IOException when a file cannot be written
     */
    public static List<Path> write(Path dir, int count, int width, int height, float quality) throws IOException {
        Files.createDirectories(dir);
        BufferedImage background = NoisyFrames.picture(width, height, 0);
        int box = height / 4;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double phase = (double) i / count;
            double along = phase < 0.5 ? phase * 2 : 2 - phase * 2;
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.drawImage(background, 0, 0, null);
            g.setColor(Color.WHITE);
            g.fillRect((int) Math.round(along * (width - box)), height / 2 - box / 2, box, box);
            g.dispose();
            Path file = dir.resolve("move-%03d.jpg".formatted(i));
            Files.write(file, NoisyFrames.encode(frame, quality));
            files.add(file);
        }
        return files;
    }
}

package io.camstream.core.jpeg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Pictures made at test time: smooth gradients, hard edges and noise, so that every frequency is used. */
final class Pictures {

    private Pictures() {
    }

    /** An RGB picture as a binary PPM (P6). */
    static byte[] ppm(int width, int height, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P6\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean box = x > width / 4 && x < width / 2 && y > height / 3 && y < 2 * height / 3;
                int noise = random.nextInt(24);
                out.write(box ? 230 : (x * 255 / width + noise) & 0xFF);
                out.write(box ? 40 : (y * 255 / height + noise) & 0xFF);
                out.write(((x + y) * 4 % 256 + noise) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** A JPEG made by cjpeg from {@link #ppm}, with extra cjpeg options such as {@code -sample 2x2}. */
    static byte[] cjpeg(int width, int height, long seed, String... options) {
        String[] command = new String[options.length + 1];
        command[0] = "cjpeg";
        System.arraycopy(options, 0, command, 1, options.length);
        return Programs.run(ppm(width, height, seed), command);
    }
}

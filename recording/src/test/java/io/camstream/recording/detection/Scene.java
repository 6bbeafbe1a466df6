package io.camstream.recording.detection;

import java.util.Random;

/**
 * Luminance pictures made at test time: a still, textured scene with sensor noise, a bright box that may move,
 * and a light that may be switched on.
 */
final class Scene {

    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    private final Random noise = new Random(42);
    private int boxX = 20;
    private int boxY = 40;
    private int boxSize = 40;
    private int light;

    Scene box(int x, int y) {
        this.boxX = x;
        this.boxY = y;
        return this;
    }

    Scene light(int added) {
        this.light = added;
        return this;
    }

    byte[] picture() {
        byte[] samples = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int value = 60 + (x * 3 + y * 2) % 80 + noise.nextInt(7) - 3;
                if (x >= boxX && x < boxX + boxSize && y >= boxY && y < boxY + boxSize) {
                    value = 220 + noise.nextInt(7) - 3;
                }
                samples[y * WIDTH + x] = (byte) Math.clamp(value + light, 0, 255);
            }
        }
        return samples;
    }
}

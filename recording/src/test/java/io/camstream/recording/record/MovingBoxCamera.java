package io.camstream.recording.record;

import io.camstream.core.image.JpegEncoder;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A driver for recording tests: a still scene with a box whose left edge is scripted per frame number, frames
 * stamped with scripted capture times ({@code T0} plus a fixed interval per frame) and delivered as fast as a real
 * pace allows. Its clock tells the time of the newest frame, so that tests run on the script's time.
 */
final class MovingBoxCamera implements CameraProvider {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final int BOX_WIDTH = 60;
    static final int BOX_HEIGHT = 120;
    private static final int BOX_TOP = 60;

    private final Duration interval;
    private final Duration pace;
    private final IntUnaryOperator boxX;
    private final int frames;
    private final AtomicInteger delivered = new AtomicInteger();

    /**
     * @param interval the scripted time between frames
     * @param pace     the real time between frames
     * @param frames   how many frames the script has; after them the camera stays silent
     * @param boxX     the box's left edge for each frame number
     */
    MovingBoxCamera(Duration interval, Duration pace, int frames, IntUnaryOperator boxX) {
        this.interval = interval;
        this.pace = pace;
        this.frames = frames;
        this.boxX = boxX;
    }

    Instant at(int frame) {
        return T0.plus(interval.multipliedBy(frame));
    }

    /** @return the time of the newest frame delivered */
    InstantSource clock() {
        return () -> at(Math.max(0, delivered.get() - 1));
    }

    int delivered() {
        return delivered.get();
    }

    @Override
    public String configKey() {
        return "moving-box";
    }

    @Override
    public Camera create(Config config, String name) {
        return new Camera() {
            private final JpegEncoder encoder = new JpegEncoder(80);

            @Override
            public Frame nextFrame() throws InterruptedException {
                Thread.sleep(pace);
                int n = delivered.get();
                while (n >= frames) {
                    Thread.sleep(Duration.ofHours(1));
                }
                byte[] jpeg = encoder.encode(picture(boxX.applyAsInt(n)));
                delivered.incrementAndGet();
                return new Frame(jpeg, n, at(n), WIDTH, HEIGHT);
            }

            @Override
            public void close() {
                encoder.close();
            }
        };
    }

    /** A gradient with a fine grain of fixed noise (which makes frames of some 5 kB). */
    private static final BufferedImage BACKGROUND = background();

    private static BufferedImage background() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Random grain = new Random(7);
        for (int row = 0; row < HEIGHT; row++) {
            for (int column = 0; column < WIDTH; column++) {
                int level = 60 + column / 4 + grain.nextInt(24);
                image.setRGB(column, row, new Color(level, 80, 90).getRGB());
            }
        }
        return image;
    }

    private static BufferedImage picture(int x) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.drawImage(BACKGROUND, 0, 0, null);
        g.setColor(Color.WHITE);
        g.fillRect(x, BOX_TOP, BOX_WIDTH, BOX_HEIGHT);
        g.dispose();
        return image;
    }
}

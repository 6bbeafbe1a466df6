package io.camstream.server;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Driver {@code motion-script}, for tests: a still 320x240 scene at {@code fps} in which, after {@code still-frames}
 * frames, something happens for {@code change-frames} frames, {@code changes} times with {@code pause-frames} of
 * stillness between, then the scene is still for good. With {@code script: moving-box} a box moves 8 pixels a frame
 * (right, then back left); with {@code light-switch} the whole picture is much brighter while it changes. The capture
 * times of the first and last changed frame of each change are kept per camera for the test to compare.
 */
public final class MotionScriptProvider implements CameraProvider {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    private static final BufferedImage BACKGROUND = background();

    /** What a camera's script did, by camera name. */
    static final Map<String, Script> SCRIPTS = new ConcurrentHashMap<>();

    /** The capture times of a run of the script, filled in as it goes. */
    static final class Script {
        final List<Instant> firstChanged = new CopyOnWriteArrayList<>();
        final List<Instant> lastChanged = new CopyOnWriteArrayList<>();
        final int frames;
        final Duration interval;
        volatile int delivered;

        Script(int frames, Duration interval) {
            this.frames = frames;
            this.interval = interval;
        }

        boolean done() {
            return delivered >= frames;
        }
    }

    @Override
    public String configKey() {
        return "motion-script";
    }

    @Override
    public Camera create(Config config, String name) {
        String script = config.get("script").asString().orElse("moving-box");
        int still = config.get("still-frames").asInt().orElse(30);
        int change = config.get("change-frames").asInt().orElse(30);
        int changes = config.get("changes").asInt().orElse(1);
        int pause = config.get("pause-frames").asInt().orElse(40);
        Duration interval = Duration.ofNanos(1_000_000_000L / config.get("fps").asInt().orElse(20));
        Script run = new Script(still + changes * change + (changes - 1) * pause + still, interval);
        SCRIPTS.put(name, run);
        return new Camera() {
            private final JpegEncoder encoder = new JpegEncoder(80);
            private long due = System.nanoTime();
            private int x = 20;

            @Override
            public Frame nextFrame() throws InterruptedException {
                due += interval.toNanos();
                Thread.sleep(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
                int n = run.delivered;
                int inCycle = n - still;
                int cycle = inCycle < 0 ? -1 : inCycle / (change + pause);
                boolean changed = cycle >= 0 && cycle < changes && inCycle % (change + pause) < change;
                if (changed && !"light-switch".equals(script)) {
                    x += cycle % 2 == 0 ? 8 : -8;
                }
                BufferedImage picture = picture(x, "light-switch".equals(script) && changed ? 90 : 0);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // as recordings keep them
                if (changed) {
                    if (inCycle % (change + pause) == 0) {
                        run.firstChanged.add(now);
                    }
                    if (inCycle % (change + pause) == change - 1) {
                        run.lastChanged.add(now);
                    }
                }
                run.delivered = n + 1;
                return new Frame(encoder.encode(picture), n, now, WIDTH, HEIGHT);
            }

            @Override
            public void close() {
                encoder.close();
            }
        };
    }

    private static BufferedImage background() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Random grain = new Random(7);
        for (int row = 0; row < HEIGHT; row++) {
            for (int column = 0; column < WIDTH; column++) {
                int level = 50 + column / 4 + grain.nextInt(16);
                image.setRGB(column, row, new Color(level, 70, 80).getRGB());
            }
        }
        return image;
    }

    /** The scene with the box's left edge at x, every sample made brighter by light. */
    private static BufferedImage picture(int x, int light) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.drawImage(BACKGROUND, 0, 0, null);
        g.setColor(Color.WHITE);
        g.fillRect(x, 60, 40, 120);
        if (light > 0) {
            g.setColor(new Color(255, 255, 255, light * 2));
            g.fillRect(0, 0, WIDTH, HEIGHT);
        }
        g.dispose();
        return image;
    }
}

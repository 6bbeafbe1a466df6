package io.camstream.core.fanout;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A driver for fan-out tests: counts the cameras it opens and closes, delivers small frames at a given rate, and
 * fails or hangs when told to.
 */
final class ScriptedProvider implements CameraProvider {

    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    private static final byte[] JPEG = TestJpegs.solid(WIDTH, HEIGHT, Color.GREEN);

    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicLong frames = new AtomicLong();
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicBoolean hanging = new AtomicBoolean();
    /** How long close() takes, as a driver stopping a child process does. */
    volatile Duration closeTime = Duration.ZERO;
    /** Set when a camera was opened while an earlier one was not closed yet. */
    final AtomicBoolean overlapped = new AtomicBoolean();
    /** Runs as a camera is about to be opened. */
    volatile Runnable beforeOpen = () -> { };
    private final Duration period;

    ScriptedProvider(int fps) {
        this.period = Duration.ofNanos(1_000_000_000L / fps);
    }

    @Override
    public String configKey() {
        return "scripted";
    }

    @Override
    public Camera create(Config config, String name) {
        beforeOpen.run();
        if (failing.get()) {
            throw new IllegalStateException("lens cap on");
        }
        if (opened.incrementAndGet() - closed.get() > 1) {
            overlapped.set(true);
        }
        return new Camera() {
            private volatile boolean shut;

            @Override
            public Frame nextFrame() throws Exception {
                Thread.sleep(period);
                while (hanging.get() && !shut) {
                    Thread.sleep(10);
                }
                if (shut) {
                    throw new IllegalStateException("closed");
                }
                if (failing.get()) {
                    throw new IllegalStateException("lens cap on");
                }
                return new Frame(JPEG, frames.incrementAndGet(), Instant.now(), WIDTH, HEIGHT);
            }

            @Override
            public synchronized void close() {
                if (!shut) {
                    shut = true;
                    try {
                        Thread.sleep(closeTime);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    closed.incrementAndGet();
                }
            }
        };
    }
}

package io.camstream.core.fanout;

import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Duration;
import java.util.Objects;

/**
 * One capture session of a camera: runs the driver on a thread of its own, pulls frames into a sink, and keeps it
 * going through failures. A driver that throws, ends, or stays silent past the frame timeout is closed and created
 * anew after a pause that doubles from the initial to the maximum backoff; meanwhile the sink hears "no signal"
 * about once a second. A failure is logged once, not on every retry of the same failure.
 */
final class Capture implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Capture.class.getName());
    private static final Duration NO_SIGNAL_PERIOD = Duration.ofSeconds(1);

    private final String name;
    private final CameraProvider provider;
    private final Config config;
    private final FeedSettings settings;
    private final FrameSink sink;
    private final Thread runner;
    private final Thread watchdog;

    private volatile boolean closed;
    private volatile Camera camera;
    private volatile long lastProgressNanos;
    private volatile String hangReason;
    private String loggedFailure;

    Capture(String name, CameraProvider provider, Config config, FeedSettings settings, FrameSink sink) {
        this.name = name;
        this.provider = provider;
        this.config = config;
        this.settings = settings;
        this.sink = sink;
        // A platform thread: on a virtual one, the frame clock queued behind hundreds of viewers' writes and
        // the camera lost frames under load.
        this.runner = Thread.ofPlatform().daemon().name("capture-" + name).unstarted(this::run);
        this.watchdog = Thread.ofVirtual().name("capture-watchdog-" + name).unstarted(this::watch);
    }

    Capture start() {
        lastProgressNanos = System.nanoTime();
        runner.start();
        watchdog.start();
        return this;
    }

    /**
     * Stops capturing and waits for the driver to be closed.
     */
    @Override
    public void close() {
        closed = true;
        closeCamera();
        runner.interrupt();
        watchdog.interrupt();
        try {
            runner.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration backoff = settings.initialBackoff();
        while (!closed) {
            String failure = captureUntilFailure();
            if (closed) {
                break;
            }
            if (failure == null) {
                backoff = settings.initialBackoff();
                continue;
            }
            report(failure);
            if (!pauseShowingNoSignal(backoff, failure)) {
                break;
            }
            backoff = longer(backoff);
        }
        closeCamera();
    }

    /** Returns why capture stopped, or null when it delivered frames and then merely ended its session. */
    private String captureUntilFailure() {
        hangReason = null;
        lastProgressNanos = System.nanoTime();
        boolean delivered = false;
        try {
            Camera opened = Objects.requireNonNull(provider.create(config, name), "the driver returned no camera");
            camera = opened;
            if (closed) {
                return null;
            }
            while (!closed) {
                Frame frame = Objects.requireNonNull(opened.nextFrame(), "the driver returned no frame");
                lastProgressNanos = System.nanoTime();
                sink.frame(frame);
                if (!delivered) {
                    delivered = true;
                    recovered();
                }
            }
            return null;
        } catch (InterruptedException e) {
            return hangReason != null ? hangReason : "capture interrupted";
        } catch (Exception | LinkageError e) {
            return hangReason != null ? hangReason : describe(e);
        } finally {
            closeCamera();
        }
    }

    private boolean pauseShowingNoSignal(Duration pause, String reason) {
        long deadline = System.nanoTime() + pause.toNanos();
        try {
            while (!closed) {
                sink.noSignal(reason);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, NO_SIGNAL_PERIOD.toNanos())));
            }
        } catch (InterruptedException e) {
            return false;
        }
        return false;
    }

    /** Closes a camera that stays silent past the frame timeout, which unblocks the runner. */
    private void watch() {
        long timeout = settings.frameTimeout().toNanos();
        long tick = Math.max(timeout / 4, Duration.ofMillis(25).toNanos());
        try {
            while (!closed) {
                Thread.sleep(Duration.ofNanos(tick));
                Camera current = camera;
                if (current != null && hangReason == null && System.nanoTime() - lastProgressNanos > timeout) {
                    hangReason = "no frame from the camera for " + settings.frameTimeout().toMillis() + " ms";
                    closeCamera();
                    runner.interrupt();
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    private void report(String failure) {
        if (failure.equals(loggedFailure)) {
            LOGGER.log(System.Logger.Level.DEBUG, "Camera {0} still failing: {1}", name, failure);
            return;
        }
        loggedFailure = failure;
        LOGGER.log(System.Logger.Level.WARNING, "Camera {0} has no signal: {1}; restarting with backoff", name, failure);
    }

    private void recovered() {
        if (loggedFailure != null) {
            LOGGER.log(System.Logger.Level.INFO, "Camera {0} delivers frames again", name);
            loggedFailure = null;
        }
    }

    private void closeCamera() {
        Camera current = camera;
        camera = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.DEBUG, "Closing camera " + name + " failed", e);
            }
        }
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}

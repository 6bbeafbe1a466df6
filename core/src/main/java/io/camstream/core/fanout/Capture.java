package io.camstream.core.fanout;

import io.camstream.core.text.Printable;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.Optional;

/**
 * One capture session of a camera: runs the driver on a thread of its own, pulls frames into a sink, and keeps it
 * going through failures. A driver that throws, ends, or stays silent past the frame timeout is closed and created
 * anew after a pause that doubles from the initial to the maximum backoff; meanwhile the sink hears "no signal"
 * about once a second. Frames that fail {@link FrameCheck} are dropped and do not count as a sign of life, so a
 * driver delivering only garbage is restarted like a silent one. A failure is logged once, not on every retry of the same failure.
 */
final class Capture implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Capture.class.getName());
    private static final Duration NO_SIGNAL_PERIOD = Duration.ofSeconds(1);
    /** How long a new capture waits for the last one to release the device before it tries anyway. */
    private static final Duration DEVICE_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final CameraProvider provider;
    private final Config config;
    private final FeedSettings settings;
    private final FrameSink sink;
    private final CameraStats stats;
    private final Semaphore device;
    private final Thread runner;
    private final Thread watchdog;

    private final ReentrantLock closing = new ReentrantLock();
    private volatile boolean closed;
    private volatile Camera camera;
    private volatile long lastProgressNanos;
    private volatile String hangReason;
    private volatile String lastRejection;
    private String loggedFailure;
    private boolean deliveredSinceStart;
    private String loggedRejection;

    /**
     * @param device held while this capture's camera may be open; a capture started while another still closes
     *               its camera (an idle stop, a driver replaced) waits for it
     */
    Capture(String name, CameraProvider provider, Config config, FeedSettings settings, FrameSink sink,
            CameraStats stats, Semaphore device) {
        this.name = name;
        this.provider = provider;
        this.config = config;
        this.settings = settings;
        this.sink = sink;
        this.stats = stats;
        this.device = device;
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

    /** What the driver that runs now says about its device; empty between restarts. */
    Map<String, String> details() {
        Camera current = camera;
        if (current == null) {
            return Map.of();
        }
        try {
            Map<String, String> details = new LinkedHashMap<>();
            current.details().forEach((key, value) -> details.put(Printable.escape(key), Printable.escape(value)));
            return details;
        } catch (RuntimeException e) {
            return Map.of("error", "the driver failed to give details: " + describe(e));
        }
    }

    private void run() {
        boolean held = awaitDevice();
        try {
            runHoldingDevice();
        } finally {
            if (held) {
                device.release();
            }
        }
    }

    private boolean awaitDevice() {
        try {
            if (device.tryAcquire(DEVICE_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: the last capture has not closed its camera after {1} s;"
                    + " starting anyway", name, DEVICE_WAIT.toSeconds());
        } catch (InterruptedException e) {
            // closed while waiting: the loop ends at once
        }
        return false;
    }

    private void runHoldingDevice() {
        Duration backoff = settings.initialBackoff();
        while (!closed) {
            String failure = captureUntilFailure();
            if (closed) {
                break;
            }
            if (deliveredSinceStart) {
                // The camera worked before it failed: a new failure starts the backoff afresh.
                backoff = settings.initialBackoff();
            }
            if (failure == null) {
                continue;
            }
            report(failure);
            stats.failed(failure);
            if (!pauseShowingNoSignal(backoff, failure)) {
                break;
            }
            backoff = longer(backoff);
        }
        closeCamera();
    }

    /** Returns why capture stopped, or null when it was closed; notes whether any frame came. */
    private String captureUntilFailure() {
        hangReason = null;
        lastRejection = null;
        lastProgressNanos = System.nanoTime();
        deliveredSinceStart = false;
        try {
            Camera opened = Objects.requireNonNull(provider.create(config, name), "the driver returned no camera");
            camera = opened;
            if (closed) {
                return null;
            }
            while (!closed) {
                Frame frame = Objects.requireNonNull(opened.nextFrame(), "the driver returned no frame");
                Optional<String> problem = FrameCheck.problem(frame, settings.maxFrameBytes());
                if (problem.isPresent()) {
                    reject(problem.get());
                    continue;
                }
                lastProgressNanos = System.nanoTime();
                sink.frame(frame);
                if (!deliveredSinceStart) {
                    deliveredSinceStart = true;
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
            Thread.interrupted(); // an interrupt meant for this attempt must not cut the next one short
        }
    }

    /** Shows NO SIGNAL while waiting; only closing ends the pause early, a stray interrupt does not. */
    private boolean pauseShowingNoSignal(Duration pause, String reason) {
        long deadline = System.nanoTime() + pause.toNanos();
        while (!closed) {
            sink.noSignal(reason);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, NO_SIGNAL_PERIOD.toNanos())));
            } catch (InterruptedException e) {
                // The watchdog's interrupt for a hang may land here; close() sets closed first.
            }
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
                    String rejection = lastRejection;
                    hangReason = "no frame from the camera for " + settings.frameTimeout().toMillis() + " ms"
                            + (rejection == null ? "" : " (last frame dropped: " + rejection + ")");
                    runner.interrupt();
                    closeCamera();
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

    /** Drops a bad frame; its reason is logged once until the reason changes. */
    private void reject(String problem) {
        lastRejection = problem;
        stats.rejected(problem);
        if (!problem.equals(loggedRejection)) {
            loggedRejection = problem;
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0} delivered a bad frame, dropped: {1}", name, problem);
        }
    }

    private void recovered() {
        if (loggedFailure != null) {
            LOGGER.log(System.Logger.Level.INFO, "Camera {0} delivers frames again", name);
            loggedFailure = null;
        }
    }

    /**
     * Closes the current camera. Whoever comes second waits until the first has finished, so the runner never
     * opens a new camera while the old one (say, a child process being stopped) still holds the device.
     */
    private void closeCamera() {
        closing.lock();
        try {
            Camera current = camera;
            camera = null;
            if (current != null) {
                current.close();
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing camera " + name + " failed", e);
        } finally {
            closing.unlock();
        }
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    /**
     * A driver's failure in words for the log, the API and the NO SIGNAL picture. It may carry what a device or an
     * upstream server sent (the http driver quotes the headers it refuses), so control characters are escaped.
     */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Printable.escape(message);
    }
}

package io.camstream.core.fanout;

import io.camstream.spi.CameraProvider;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One camera shared by all its viewers: exactly one capture however many watch, started by the first viewer and
 * stopped when none has been attached for the idle timeout. The capture's frames go through a {@link FeedPublisher}
 * into a {@link FrameFanout}, which every viewer takes the newest frame from.
 */
public final class CameraFeed implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CameraFeed.class.getName());

    private final String name;
    private final String driver;
    private final Config config;
    private final FeedSettings settings;
    private final FeedClock clock;
    private final Audience audience = new Audience();
    private final CameraStats stats;
    private final FrameFanout fanout;
    private final FeedPublisher publisher;
    /** Held by the capture whose camera may be open, so that a new capture never opens it while the last has it. */
    private final Semaphore device = new Semaphore(1);

    private final Object lifecycle = new Object();
    private CameraProvider provider;
    private String driverMissing;
    private Capture capture;
    private Instant capturingSince;
    private FeedClock.Timer idleStop;
    private FeedClock.Timer beat;
    private boolean closed;

    /**
     * Creates a feed; nothing is captured until the first viewer attaches.
     *
     * @param name     the camera's name
     * @param driver   the driver's name, for messages
     * @param provider the driver
     * @param config   the camera's config node, handed to the driver
     * @param settings how the feed runs
     * @param clock    the time the feed keeps, and what runs its timers
     */
    public CameraFeed(String name, String driver, CameraProvider provider, Config config, FeedSettings settings,
                      FeedClock clock) {
        this.name = name;
        this.driver = driver;
        this.provider = provider;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        this.stats = new CameraStats(settings.width(), settings.height(), audience, clock::nanoTime);
        this.fanout = new FrameFanout(clock, settings.fps(), stats::skipped);
        this.publisher = new FeedPublisher(name, fanout, stats);
    }

    public String name() {
        return name;
    }

    /** @return the driver's name */
    public String driver() {
        return driver;
    }

    public FeedSettings settings() {
        return settings;
    }

    /** @return the camera's running figures, live */
    public CameraStats stats() {
        return stats;
    }

    /** @return the viewers attached to a stream now, snapshots left out, in no particular order */
    public List<Viewer> streamingViewers() {
        return audience.streaming();
    }

    /** @return how many viewers are attached now, snapshots in progress included */
    public int viewerCount() {
        return audience.size();
    }

    /** @return why the camera's driver is not installed, while it is not */
    public Optional<String> driverMissing() {
        synchronized (lifecycle) {
            return Optional.ofNullable(driverMissing);
        }
    }

    /** @return when the running capture started, or empty while not capturing */
    public Optional<Instant> capturingSince() {
        synchronized (lifecycle) {
            return Optional.ofNullable(capturingSince);
        }
    }

    /** @return {@code true} while the driver runs */
    public boolean capturing() {
        synchronized (lifecycle) {
            return capture != null;
        }
    }

    /** @return what the running driver says about its device, or an empty map while not capturing */
    public Map<String, String> driverDetails() {
        Capture running;
        synchronized (lifecycle) {
            running = capture;
        }
        return running == null ? Map.of() : running.details();
    }

    /**
     * Attaches a viewer with no wishes and no address, as a snapshot takes its picture.
     *
     * @return the viewer; close it when done
     * @throws IllegalStateException when the feed has been closed
     */
    public Viewer attach() {
        return attach(ViewerOptions.INTERNAL);
    }

    /**
     * Attaches a viewer, starting capture if it is not running. Its frame rate is capped at the lower of its own
     * wish and the camera's {@code max-viewer-fps}.
     *
     * @param options what the viewer asked for; one with a remote address is listed among the streaming viewers
     * @return the viewer; close it when done
     * @throws IllegalStateException when the feed has been closed
     */
    public Viewer attach(ViewerOptions options) {
        Viewer viewer = fanout.viewer(options, maxFps(options.maxFps()), this::detach);
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("camera " + name + " is shut down");
            }
            audience.join(viewer);
            if (idleStop != null) {
                idleStop.cancel();
                idleStop = null;
            }
            if (capture == null) {
                LOGGER.log(System.Logger.Level.INFO, "Camera {0} starts capturing (driver {1})", name, driver);
                startCapture();
                beat = clock.every(FrameFanout.BEAT, fanout::beat);
            }
        }
        return viewer;
    }

    /**
     * Runs the camera on another version of its driver from now on; a running capture is restarted on it, and its
     * viewers stay.
     *
     * @param next the driver
     */
    public void useDriver(CameraProvider next) {
        switchDriver(next, null);
    }

    /**
     * Tells the camera its driver is gone: while viewers watch, they see NO SIGNAL with the reason until
     * {@link #useDriver} gives it a driver again.
     *
     * @param reason what happened to the driver, shown to viewers
     */
    public void driverGone(String reason) {
        switchDriver(new MissingDriver(driver, reason), reason);
    }

    /**
     * Shows every camera frame from now on to a tap, on the capture's thread (see {@link FrameTap}).
     *
     * @param tap the tap
     */
    public void addTap(FrameTap tap) {
        publisher.addTap(tap);
    }

    /**
     * Stops showing frames to a tap.
     *
     * @param tap a tap added before
     */
    public void removeTap(FrameTap tap) {
        publisher.removeTap(tap);
    }

    /**
     * Waits for a frame published after this call, for a single picture.
     *
     * @param timeout the longest wait, in real time
     * @return a fresh frame, or empty when none came in time
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> snapshot(Duration timeout) throws InterruptedException {
        try (Viewer ignored = attach()) {
            return fanout.slot().awaitAfter(fanout.slot().serial(), timeout);
        }
    }

    /**
     * Stops capture and wakes every viewer with an empty result, so their streams end.
     */
    @Override
    public void close() {
        Capture running;
        synchronized (lifecycle) {
            closed = true;
            running = stopped();
        }
        if (running != null) {
            running.close();
        }
        fanout.close();
    }

    private void switchDriver(CameraProvider next, String missing) {
        Capture previous;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            provider = next;
            driverMissing = missing;
            previous = capture;
            if (previous != null) {
                startCapture();
            }
        }
        if (missing == null) {
            LOGGER.log(System.Logger.Level.INFO, "Camera {0} uses the driver {1} just loaded{2}", name, driver,
                    previous != null ? "; its capture restarts" : "");
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0} has no driver: {1}", name, missing);
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** Called with the lifecycle lock held. */
    private void startCapture() {
        capture = new Capture(name, provider, config, settings, publisher, stats, device).start();
        capturingSince = Instant.now();
    }

    private void detach(Viewer viewer) {
        synchronized (lifecycle) {
            if (audience.leave(viewer) && capture != null && !closed) {
                idleStop = clock.schedule(settings.idleTimeout(), this::stopIfIdle);
            }
        }
    }

    private double maxFps(double wanted) {
        int cap = settings.maxViewerFps();
        if (cap == 0) {
            return wanted;
        }
        return wanted > 0 ? Math.min(wanted, cap) : cap;
    }

    private void stopIfIdle() {
        Capture idle;
        synchronized (lifecycle) {
            if (audience.size() > 0 || capture == null) {
                return;
            }
            idle = stopped();
        }
        LOGGER.log(System.Logger.Level.INFO, "Camera {0} stops capturing: no viewer for {1} s",
                name, settings.idleTimeout().toSeconds());
        idle.close();
        fanout.slot().clear();
    }

    /** Called with the lifecycle lock held: forgets the capture and its timers; returns the capture to close. */
    private Capture stopped() {
        Capture running = capture;
        capture = null;
        capturingSince = null;
        if (idleStop != null) {
            idleStop.cancel();
            idleStop = null;
        }
        if (beat != null) {
            beat.cancel();
            beat = null;
        }
        return running;
    }
}

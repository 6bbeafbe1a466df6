package io.camstream.core.fanout;

import io.camstream.core.stage.SameFrameFilter;
import io.camstream.core.stage.TurnCounts;
import io.camstream.core.stage.TurnStage;
import io.camstream.core.variant.VariantRefusedException;
import io.camstream.core.variant.VariantSpec;
import io.camstream.core.variant.Variants;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One camera shared by all its viewers: exactly one capture however many watch, started by the first viewer and
 * stopped when none has been attached for the idle timeout. The capture's frames go through the frame stages
 * (dropping frames the camera sent again, turning) and a {@link FeedPublisher} into a {@link FrameFanout}, which
 * every viewer of the camera's own picture takes the newest frame from; viewers of a smaller picture take theirs
 * from its {@link Variants variant}, which takes the camera's like a viewer.
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
    private final TurnCounts turns = new TurnCounts();
    private final FrameFanout fanout;
    private final FeedPublisher publisher;
    private final Variants variants;
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
        PictureSettings picture = settings.picture();
        this.stats = new CameraStats(picture.size().width(), picture.size().height(), audience, clock::nanoTime);
        this.fanout = new FrameFanout(clock, settings.fps(), stats::skipped);
        this.publisher = new FeedPublisher(name, fanout, stats);
        this.variants = new Variants(name, fanout.slot(), clock, settings.fps(), picture, stats::width,
                stats::skipped);
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

    /** @return how the camera's frames were turned */
    public TurnCounts turns() {
        return turns;
    }

    /** @return the smaller pictures viewers watch now, and which they may ask for */
    public Variants variants() {
        return variants;
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
     * Attaches a viewer, starting capture if it is not running, and the variant it asks for if that is not running.
     * Its frame rate is capped at the lower of its own wish and the camera's {@code max-viewer-fps}.
     *
     * @param options what the viewer asked for; one with a remote address is listed among the streaming viewers
     * @return the viewer; close it when done
     * @throws IllegalStateException   when the feed has been closed
     * @throws VariantRefusedException when the variant is not offered, or the camera encodes as many as it may
     */
    public Viewer attach(ViewerOptions options) {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("camera " + name + " is shut down");
            }
            FrameFanout source = options.variant().map(variants::join).orElse(fanout);
            Viewer viewer = source.viewer(options, maxFps(options.maxFps()), this::detach);
            audience.join(viewer);
            if (idleStop != null) {
                idleStop.cancel();
                idleStop = null;
            }
            if (capture == null) {
                LOGGER.log(System.Logger.Level.INFO, "Camera {0} starts capturing (driver {1})", name, driver);
                startCapture();
                beat = clock.every(FrameFanout.BEAT, this::beat);
            }
            return viewer;
        }
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
     * Waits for the camera's next picture after this call, for a single picture: a new frame, or the last one
     * confirmed as current because the camera sent it again.
     *
     * @param timeout the longest wait, in real time
     * @return a fresh frame, or empty when none came in time
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> snapshot(Duration timeout) throws InterruptedException {
        return snapshot(Optional.empty(), timeout);
    }

    /**
     * Waits for the next picture of the camera or of a variant after this call. A variant that runs for streams
     * gives its next frame; one that does not starts for the snapshot and encodes the camera's newest frame, once
     * for every snapshot of it asked meanwhile, and stops with the last of them.
     *
     * @param variant the variant, or empty for the camera's own picture
     * @param timeout the longest wait, in real time
     * @return a fresh frame, or empty when none came in time
     * @throws InterruptedException when interrupted
     * @throws VariantRefusedException when the variant is not offered, or the camera encodes as many as it may
     */
    public Optional<StreamFrame> snapshot(Optional<VariantSpec> variant, Duration timeout)
            throws InterruptedException {
        try (Viewer viewer = attach(ViewerOptions.INTERNAL.withVariant(variant))) {
            return viewer.nextUpdate(timeout);
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
        variants.close();
        fanout.close();
    }

    /** The stages a capture's frames pass before they are published, made anew for each capture. */
    private FrameSink stages() {
        PictureSettings picture = settings.picture();
        FrameSink sink = publisher;
        if (picture.turn() != Orientation.NONE) {
            sink = new TurnStage(name, picture.turn(), turns, sink);
        }
        // Before turning: a frame the camera sent again is not turned again either.
        return picture.dropSameFrames() ? new SameFrameFilter(sink) : sink;
    }

    private void beat() {
        fanout.beat();
        variants.beat();
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
        capture = new Capture(name, provider, config, settings, stages(), stats, device).start();
        capturingSince = Instant.now();
    }

    private void detach(Viewer viewer) {
        synchronized (lifecycle) {
            viewer.options().variant().ifPresent(variants::leave);
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

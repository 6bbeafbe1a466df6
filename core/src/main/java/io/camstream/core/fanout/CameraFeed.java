package io.camstream.core.fanout;

import io.camstream.core.image.NoSignalImage;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One camera shared by all its viewers: exactly one capture however many watch, started by the first viewer and
 * stopped when none has been attached for the idle timeout. Only the newest frame is kept; its wire bytes are
 * assembled once when it is published, and every waiting viewer is woken to take it.
 */
public final class CameraFeed implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CameraFeed.class.getName());
    /** How often waiting viewers are woken to repeat a still frame; the repeat comes 1 s to 1 s + TICK late. */
    static final Duration TICK = Duration.ofMillis(250);

    private final String name;
    private final String driver;
    private final CameraProvider provider;
    private final Config config;
    private final FeedSettings settings;
    private final ScheduledExecutorService timers;
    private final CameraStats stats;
    private final Set<Viewer> streaming = ConcurrentHashMap.newKeySet();
    private final List<FrameTap> taps = new CopyOnWriteArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private StreamFrame latest;
    /*
     * Capped viewers waiting for their next due time, soonest first. The frame (or clock tick) that comes closest
     * releases them, the first from half a frame interval before the due time: a timed wait per viewer and frame
     * costs a timer each, which at 2,000 viewers capped to 5 fps cost more than writing their frames.
     */
    private final PriorityQueue<DueWait> dueWaits = new PriorityQueue<>(Comparator.comparingLong(w -> w.due));
    private final long dueToleranceNanos;
    private long ticks;
    private long serial;
    private int lastWidth;
    private int lastHeight;

    private final Object lifecycle = new Object();
    private int viewers;
    private Capture capture;
    private Instant capturingSince;
    private ScheduledFuture<?> idleStop;
    private ScheduledFuture<?> clock;
    private volatile boolean closed;

    /**
     * Creates a feed; nothing is captured until the first viewer attaches.
     *
     * @param name     the camera's name
     * @param driver   the driver's name, for messages
     * @param provider the driver
     * @param config   the camera's config node, handed to the driver
     * @param settings how the feed runs
     * @param timers   a scheduler for idle stops, shared by all feeds
     */
    public CameraFeed(String name, String driver, CameraProvider provider, Config config, FeedSettings settings,
                      ScheduledExecutorService timers) {
        this.name = name;
        this.driver = driver;
        this.provider = provider;
        this.config = config;
        this.settings = settings;
        this.timers = timers;
        this.lastWidth = settings.width();
        this.lastHeight = settings.height();
        this.stats = new CameraStats(settings.width(), settings.height());
        this.dueToleranceNanos = TimeUnit.SECONDS.toNanos(1) / settings.fps() / 2;
    }

    /**
     * The camera's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The driver's name.
     *
     * @return the driver's name
     */
    public String driver() {
        return driver;
    }

    /**
     * How the feed runs.
     *
     * @return the camera's settings
     */
    public FeedSettings settings() {
        return settings;
    }

    /**
     * The camera's running figures.
     *
     * @return the statistics, live
     */
    public CameraStats stats() {
        return stats;
    }

    /**
     * The viewers attached to a stream now, internal ones (snapshots) left out.
     *
     * @return the viewers, in no particular order
     */
    public List<Viewer> streamingViewers() {
        return List.copyOf(streaming);
    }

    /**
     * When the running capture started.
     *
     * @return the start, or empty while not capturing
     */
    public Optional<Instant> capturingSince() {
        synchronized (lifecycle) {
            return Optional.ofNullable(capturingSince);
        }
    }

    /**
     * What the running driver says about its device.
     *
     * @return the driver's details, or an empty map while not capturing
     */
    public Map<String, String> driverDetails() {
        Capture running;
        synchronized (lifecycle) {
            running = capture;
        }
        return running == null ? Map.of() : running.details();
    }

    /**
     * Attaches an internal viewer, starting capture if it is not running.
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
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("camera " + name + " is shut down");
            }
            viewers++;
            if (idleStop != null) {
                idleStop.cancel(false);
                idleStop = null;
            }
            if (capture == null) {
                LOGGER.log(System.Logger.Level.INFO, "Camera {0} starts capturing (driver {1})", name, driver);
                capture = new Capture(name, provider, config, settings, new Publisher(), stats).start();
                clock = timers.scheduleAtFixedRate(this::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
                capturingSince = Instant.now();
            }
            Viewer viewer = new Viewer(this, stats, options, maxFps(options.maxFps()));
            stats.joined(viewer);
            if (options.remoteAddress().isPresent()) {
                streaming.add(viewer);
            }
            return viewer;
        }
    }

    /**
     * Shows every camera frame from now on to a tap, on the capture's thread (see {@link FrameTap}).
     *
     * @param tap the tap
     */
    public void addTap(FrameTap tap) {
        taps.add(tap);
    }

    /**
     * Stops showing frames to a tap.
     *
     * @param tap a tap added before
     */
    public void removeTap(FrameTap tap) {
        taps.remove(tap);
    }

    /**
     * Waits for a frame published after the one the caller saw last, for a single picture.
     *
     * @param timeout the longest wait
     * @return a fresh frame, or empty when none came in time
     * @throws InterruptedException when interrupted
     */
    public Optional<StreamFrame> snapshot(Duration timeout) throws InterruptedException {
        try (Viewer viewer = attach()) {
            long seen;
            lock.lock();
            try {
                seen = serial;
            } finally {
                lock.unlock();
            }
            return awaitAfter(seen, timeout);
        }
    }

    /**
     * How many viewers are attached now.
     *
     * @return the count
     */
    public int viewerCount() {
        synchronized (lifecycle) {
            return viewers;
        }
    }

    /**
     * Whether the driver is running now.
     *
     * @return {@code true} while capturing
     */
    public boolean capturing() {
        synchronized (lifecycle) {
            return capture != null;
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
            running = capture;
            capture = null;
            capturingSince = null;
            if (idleStop != null) {
                idleStop.cancel(false);
            }
            stopClock();
        }
        if (running != null) {
            running.close();
        }
        lock.lock();
        try {
            published.signalAll();
            dueWaits.forEach(wait -> wait.released.signal());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a frame newer than the given one, or for the next tick of the feed's clock, whichever comes first.
     * An untimed wait: a timed park of a virtual thread schedules and cancels a timer task each time, which at
     * hundreds of viewers and 30 fps was a good part of the server's work; one clock per feed wakes them instead.
     */
    Optional<StreamFrame> awaitAfterOrTick(long seenSerial) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long tick = ticks;
            while (!closed && (latest == null || latest.serial() <= seenSerial) && ticks == tick) {
                published.await();
            }
            boolean fresh = !closed && latest != null && latest.serial() > seenSerial;
            return fresh ? Optional.of(latest) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** A capped viewer's wait for its due time; one per viewer, reused, guarded by the feed's lock. */
    static final class DueWait {

        private final Condition released;
        private long due;
        private boolean waiting;

        private DueWait(Condition released) {
            this.released = released;
        }
    }

    DueWait newDueWait() {
        return new DueWait(lock.newCondition());
    }

    /**
     * Waits until about the given time: until the first frame or clock tick from half a frame interval before it,
     * or until the feed closes.
     */
    void awaitDue(DueWait wait, long dueNanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (closed || System.nanoTime() >= dueNanos - dueToleranceNanos) {
                return;
            }
            wait.due = dueNanos;
            wait.waiting = true;
            dueWaits.add(wait);
            try {
                while (wait.waiting && !closed) {
                    wait.released.await();
                }
            } finally {
                if (wait.waiting) {
                    wait.waiting = false;
                    dueWaits.remove(wait);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held, when a frame is published or the clock ticks. */
    private void releaseDue() {
        long limit = System.nanoTime() + dueToleranceNanos;
        for (DueWait wait = dueWaits.peek(); wait != null && wait.due <= limit; wait = dueWaits.peek()) {
            dueWaits.poll();
            wait.waiting = false;
            wait.released.signal();
        }
    }

    private void stopClock() {
        if (clock != null) {
            clock.cancel(false);
            clock = null;
        }
    }

    private void tick() {
        lock.lock();
        try {
            ticks++;
            published.signalAll();
            releaseDue();
        } finally {
            lock.unlock();
        }
    }

    Optional<StreamFrame> awaitAfter(long seenSerial, Duration timeout) throws InterruptedException {
        long nanos = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!closed && (latest == null || latest.serial() <= seenSerial)) {
                if (timeout == null) {
                    published.await();
                } else {
                    if (nanos <= 0) {
                        return Optional.empty();
                    }
                    nanos = published.awaitNanos(nanos);
                }
            }
            return closed ? Optional.empty() : Optional.of(latest);
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    void detach(Viewer viewer) {
        streaming.remove(viewer);
        stats.left(viewer);
        synchronized (lifecycle) {
            viewers--;
            if (viewers == 0 && capture != null && !closed) {
                idleStop = timers.schedule(this::stopIfIdle, settings.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
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
            if (viewers > 0 || capture == null) {
                return;
            }
            idle = capture;
            capture = null;
            capturingSince = null;
            idleStop = null;
            stopClock();
        }
        LOGGER.log(System.Logger.Level.INFO, "Camera {0} stops capturing: no viewer for {1} s",
                name, settings.idleTimeout().toSeconds());
        idle.close();
        forgetLatest();
    }

    /** The next viewer must not be shown a picture from before the pause as if it were live. */
    private void forgetLatest() {
        lock.lock();
        try {
            latest = null;
        } finally {
            lock.unlock();
        }
    }

    private void publish(Frame frame, boolean live) {
        if (live) {
            for (FrameTap tap : taps) {
                try {
                    tap.frame(frame);
                } catch (RuntimeException e) {
                    LOGGER.log(System.Logger.Level.WARNING, "A frame tap of camera " + name + " failed", e);
                }
            }
        }
        byte[] part = MjpegFormat.part(frame);
        lock.lock();
        try {
            serial++;
            latest = new StreamFrame(serial, frame, part, live);
            if (live) {
                lastWidth = frame.width();
                lastHeight = frame.height();
                stats.captured(latest);
            } else {
                stats.noSignal();
            }
            published.signalAll();
            releaseDue();
        } finally {
            lock.unlock();
        }
    }

    /** Receives what the capture delivers; a separate object so the sink methods stay off the public API. */
    private final class Publisher implements FrameSink {

        private long noSignalSequence;

        @Override
        public void frame(Frame frame) {
            publish(frame, true);
        }

        @Override
        public void noSignal(String reason) {
            int width;
            int height;
            lock.lock();
            try {
                width = lastWidth;
                height = lastHeight;
            } finally {
                lock.unlock();
            }
            Instant now = Instant.now();
            byte[] jpeg = NoSignalImage.render(name, reason, now, width, height);
            publish(new Frame(jpeg, ++noSignalSequence, now, width, height), false);
        }
    }
}

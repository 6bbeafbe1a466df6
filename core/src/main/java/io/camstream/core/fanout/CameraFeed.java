package io.camstream.core.fanout;

import io.camstream.core.image.NoSignalImage;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One camera shared by all its viewers: exactly one capture however many watch, started by the first viewer and
 * stopped when none has been attached for the idle timeout. Only the newest frame is kept; its wire bytes are
 * assembled once when it is published, and every waiting viewer is woken to take it.
 */
public final class CameraFeed implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CameraFeed.class.getName());

    private final String name;
    private final String driver;
    private final CameraProvider provider;
    private final Config config;
    private final FeedSettings settings;
    private final ScheduledExecutorService timers;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition published = lock.newCondition();
    private StreamFrame latest;
    private long serial;
    private int lastWidth;
    private int lastHeight;

    private final Object lifecycle = new Object();
    private int viewers;
    private Capture capture;
    private ScheduledFuture<?> idleStop;
    private volatile boolean closed;

    private final AtomicLong framesPublished = new AtomicLong();
    private final AtomicLong framesRejected = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile String lastRejection;
    private volatile String lastFailure;
    private volatile boolean failing;

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
     * Attaches a viewer, starting capture if it is not running.
     *
     * @return the viewer; close it when done
     * @throws IllegalStateException when the feed has been closed
     */
    public Viewer attach() {
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
                capture = new Capture(name, provider, config, settings, new Publisher()).start();
            }
            return new Viewer(this);
        }
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
     * What the feed went through: frames published and dropped, restarts and their last reasons.
     *
     * @return a snapshot of the counters
     */
    public FeedHealth health() {
        return new FeedHealth(framesPublished.get(), framesRejected.get(), restarts.get(),
                Optional.ofNullable(lastRejection), Optional.ofNullable(lastFailure), failing);
    }

    /**
     * The settings the feed runs with.
     *
     * @return the settings
     */
    public FeedSettings settings() {
        return settings;
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
            if (idleStop != null) {
                idleStop.cancel(false);
            }
        }
        if (running != null) {
            running.close();
        }
        lock.lock();
        try {
            published.signalAll();
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

    void detach(Viewer viewer) {
        synchronized (lifecycle) {
            viewers--;
            if (viewers == 0 && capture != null && !closed) {
                idleStop = timers.schedule(this::stopIfIdle, settings.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void stopIfIdle() {
        Capture idle;
        synchronized (lifecycle) {
            if (viewers > 0 || capture == null) {
                return;
            }
            idle = capture;
            capture = null;
            idleStop = null;
        }
        LOGGER.log(System.Logger.Level.INFO, "Camera {0} stops capturing: no viewer for {1} s",
                name, settings.idleTimeout().toSeconds());
        idle.close();
        // The next viewer starts a new capture and must wait for its first frame, not get this stale one.
        lock.lock();
        try {
            latest = null;
        } finally {
            lock.unlock();
        }
    }

    private void publish(Frame frame, boolean live) {
        byte[] part = MjpegFormat.part(frame);
        lock.lock();
        try {
            serial++;
            latest = new StreamFrame(serial, frame, part, live);
            if (live) {
                lastWidth = frame.width();
                lastHeight = frame.height();
            }
            published.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Receives what the capture delivers; a separate object so the sink methods stay off the public API. */
    private final class Publisher implements FrameSink {

        private long noSignalSequence;

        @Override
        public void frame(Frame frame) {
            failing = false;
            framesPublished.incrementAndGet();
            publish(frame, true);
        }

        @Override
        public void rejected(String reason) {
            lastRejection = reason;
            framesRejected.incrementAndGet();
        }

        @Override
        public void failed(String reason) {
            lastFailure = reason;
            failing = true;
            restarts.incrementAndGet();
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

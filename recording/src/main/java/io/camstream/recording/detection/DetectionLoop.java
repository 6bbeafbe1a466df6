package io.camstream.recording.detection;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.fanout.Viewer;
import io.camstream.core.jpeg.JpegDecoder;
import io.camstream.core.jpeg.JpegException;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.Plane;
import io.camstream.recording.events.MotionEvent;
import io.camstream.spi.Frame;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Watches one camera for motion as a viewer of its own: it takes the newest frame whenever it is ready for one,
 * so a frame that comes while it is still busy is skipped (and counted), and neither the camera nor its viewers
 * ever wait for it. Each frame's luminance alone is decoded at a reduced size (a 1280-pixel-wide frame at an
 * eighth, from the blocks' DC terms only, without an inverse DCT) and handed to a {@link MotionWatch}; the
 * events it finds go to an {@link EventSink} and to the {@link MotionState} the recorder reads. While no frame
 * comes, the event gap is measured on the clock.
 */
public final class DetectionLoop implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(DetectionLoop.class.getName());
    private static final Duration WAIT = Duration.ofMillis(250);

    private final String camera;
    private final CameraFeed feed;
    private final MotionSettings settings;
    private final MotionState state;
    private final EventSink sink;
    private final LongSupplier eventIds;
    private final DetectionStats stats;
    private final InstantSource clock;
    private final MotionWatch<Frame> watch;
    private Thread thread;
    private volatile boolean closed;
    private MotionEvent current;

    /**
     * @param camera   the camera's name
     * @param feed     its frames
     * @param settings how to detect
     * @param state    told of events as they go, for the recorder
     * @param sink     told of every start and end
     * @param eventIds numbers for new events
     * @param stats    counts what is analysed
     * @param clock    the time, when no frame comes
     */
    public DetectionLoop(String camera, CameraFeed feed, MotionSettings settings, MotionState state, EventSink sink,
                         LongSupplier eventIds, DetectionStats stats, InstantSource clock) {
        this.camera = camera;
        this.feed = feed;
        this.settings = settings;
        this.state = state;
        this.sink = sink;
        this.eventIds = eventIds;
        this.stats = stats;
        this.clock = clock;
        this.watch = new MotionWatch<>(settings);
    }

    /**
     * Attaches to the camera (which starts its capture, for good) and starts watching.
     *
     * @return this loop
     */
    public DetectionLoop start() {
        Viewer viewer = feed.attach();
        // A platform thread of its own: its CPU can be told apart (the benchmark reads it), and a decode never
        // holds a carrier thread that viewers' streams need.
        thread = Thread.ofPlatform().daemon().name("motion-" + camera).start(() -> run(viewer));
        return this;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(Viewer viewer) {
        long lastSerial = 0;
        try (viewer) {
            while (!closed) {
                Optional<StreamFrame> next = viewer.next(WAIT);
                if (next.isEmpty() && !feed.capturing()) {
                    break; // the camera was shut down
                }
                if (next.isEmpty() || !next.get().live()) {
                    watch.silence(clock.instant()).ifPresent(this::changed);
                    continue;
                }
                StreamFrame frame = next.get();
                if (lastSerial > 0 && frame.serial() > lastSerial + 1) {
                    stats.skipped(frame.serial() - lastSerial - 1);
                }
                lastSerial = frame.serial();
                analyse(frame.frame());
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.ERROR, "Motion detection of camera " + camera + " failed", e);
        }
    }

    private void analyse(Frame frame) {
        Plane picture;
        try {
            picture = JpegDecoder.luminance(frame.jpeg(), Math.min(settings.width(), frame.width()),
                    JpegLimits.DEFAULT);
        } catch (JpegException e) {
            stats.undecodable();
            return;
        }
        long switches = watch.lightSwitches();
        Optional<EventTracker.Change> change = watch.picture(frame.captureTime(), frame, picture.samples(),
                picture.width(), picture.height(), picture.stride());
        stats.analysed(watch.lastScore(), watch.lightSwitches() > switches);
        if (watch.lastWasMotion() && watch.active()) {
            state.motion(frame.captureTime());
        }
        change.ifPresent(this::changed);
    }

    private void changed(EventTracker.Change change) {
        MotionWatch.Peak<Frame> peak = watch.peak();
        switch (change) {
            case EventTracker.Started started -> {
                current = new MotionEvent(eventIds.getAsLong(), started.start(), Optional.empty(), peak.score(),
                        peak.time());
                state.started(started.start(), watch.lastMotion());
                stats.eventStarted();
                sink.started(current, Thumbnails.of(peak.tag().jpeg(), peak.tag().width()));
            }
            case EventTracker.Ended ended -> {
                MotionEvent done = new MotionEvent(current.id(), current.start(), Optional.of(ended.lastMotion()),
                        peak.score(), peak.time());
                current = null;
                state.ended();
                stats.eventEnded();
                sink.ended(done, Thumbnails.of(peak.tag().jpeg(), peak.tag().width()));
            }
        }
    }
}

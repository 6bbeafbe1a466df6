package io.camstream.core.fanout;

import io.camstream.spi.Frame;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A camera's running figures since the server started, updated on the capture and viewer threads without locks.
 */
public final class CameraStats {

    private final Audience audience;
    private final LongAdder framesCaptured = new LongAdder();
    private final LongAdder framesSkipped = new LongAdder();
    private final LongAdder driverRestarts = new LongAdder();
    private final LongAdder framesRejected = new LongAdder();
    private final LongAdder framesUnchanged = new LongAdder();
    private final RateMeter captureRate;
    private volatile boolean online;
    private volatile int width;
    private volatile int height;
    private volatile int lastFrameBytes;
    private volatile Failure lastError;
    private volatile Failure lastRejection;

    /**
     * A failure of the driver, or a frame of it that was dropped.
     *
     * @param message what went wrong; for a failure, as viewers see it on the NO SIGNAL picture
     * @param time    when it happened
     */
    public record Failure(String message, Instant time) {
    }

    CameraStats(int width, int height, Audience audience, LongSupplier nanoTime) {
        this.width = width;
        this.height = height;
        this.audience = audience;
        this.captureRate = new RateMeter(nanoTime);
    }

    void captured(Frame frame) {
        framesCaptured.increment();
        captureRate.record();
        online = true;
        width = frame.width();
        height = frame.height();
        lastFrameBytes = frame.size();
    }

    /** A camera frame identical to the last one, not published. */
    void unchanged() {
        framesCaptured.increment();
        captureRate.record();
        framesUnchanged.increment();
    }

    void noSignal() {
        online = false;
    }

    void failed(String message) {
        lastError = new Failure(message, Instant.now());
        driverRestarts.increment();
        online = false;
    }

    void rejected(String reason) {
        lastRejection = new Failure(reason, Instant.now());
        framesRejected.increment();
    }

    void skipped(long frames) {
        framesSkipped.add(frames);
    }

    /** @return camera frames identical to the one before, not sent again ({@code drop-same-frames}) */
    public long framesUnchanged() {
        return framesUnchanged.sum();
    }

    /** @return camera frames received from the driver, unchanged ones included (NO SIGNAL pictures not counted) */
    public long framesCaptured() {
        return framesCaptured.sum();
    }

    /** @return frames written to viewers, repeats included */
    public long framesSent() {
        return audience.framesSent();
    }

    /** @return bytes of frames written to viewers, part headers and boundaries included */
    public long bytesSent() {
        return audience.bytesSent();
    }

    /** @return frames that viewers without an fps cap never saw because they were still busy with an earlier one */
    public long framesSkipped() {
        return framesSkipped.sum();
    }

    /** @return how often the driver failed and was restarted */
    public long driverRestarts() {
        return driverRestarts.sum();
    }

    /** @return camera frames per second over the last three seconds */
    public double captureFps() {
        return captureRate.perSecond();
    }

    /** @return {@code true} while the last frame came from the camera, {@code false} while it shows NO SIGNAL */
    public boolean online() {
        return online;
    }

    /** @return the width of the last camera frame, or the configured width before the first */
    public int width() {
        return width;
    }

    /** @return the height of the last camera frame, or the configured height before the first */
    public int height() {
        return height;
    }

    /** @return the JPEG size of the last camera frame in bytes, 0 before the first */
    public int lastFrameBytes() {
        return lastFrameBytes;
    }

    /** @return frames the driver delivered that failed the checks (not a whole JPEG, too large) and were dropped */
    public long framesRejected() {
        return framesRejected.sum();
    }

    /** @return why the last dropped frame was dropped, if one ever was */
    public Optional<Failure> lastRejection() {
        return Optional.ofNullable(lastRejection);
    }

    /** @return the driver's last failure, if it ever failed */
    public Optional<Failure> lastError() {
        return Optional.ofNullable(lastError);
    }
}

package io.camstream.recording.retention;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps recording from filling the disk: below {@code recording.min-free} it stops recording, and it lets it go on
 * once the free space is back above that by a margin (4 MB, or a twentieth of the minimum if that is more), so that
 * recording does not stop and start with every frame. Between looks at the file system (one a second) it counts
 * the bytes written as gone. A write that fails stops recording the same way. A stop is logged once, and the
 * first frame written after it.
 * <p>
 * Looks happen once a second of real time. Used by the camera's disk writer alone; {@link #stopReason()} may be read from any thread.
 */
public final class DiskGuard {

    private static final System.Logger LOGGER = System.getLogger(DiskGuard.class.getName());
    private static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
    /** Recording resumes once this much more than the minimum is free (at least; a twentieth of it if larger). */
    static final long RESUME_MARGIN = 4_000_000;

    private final String camera;
    private final FreeSpace freeSpace;
    private final long minFree;
    private final long resumeAt;
    private long probed;
    private boolean everProbed;
    private long free;
    private volatile String stopReason;
    private String logged;

    /**
     * @param camera      the camera's name, for the log
     * @param freeSpace   the file system's free space
     * @param minFree     recording stops below this many free bytes
     */
    public DiskGuard(String camera, FreeSpace freeSpace, long minFree) {
        this.camera = camera;
        this.freeSpace = freeSpace;
        this.minFree = minFree;
        this.resumeAt = minFree + Math.max(RESUME_MARGIN, minFree / 20);
    }

    /**
     * Whether a frame of this size may be written now.
     *
     * @param bytes the frame's size on disk
     * @return {@code false} while recording is stopped for lack of space
     */
    public boolean allows(long bytes) {
        long now = System.nanoTime();
        if (!everProbed || now - probed >= PROBE_PERIOD.toNanos()) {
            everProbed = true;
            probed = now;
            free = probe();
            if (stopReason != null && free >= resumeAt) {
                stopReason = null;
            }
        }
        if (stopReason == null && free - bytes < minFree) {
            stop("space", minFree == 0 ? "the disk is full (" + free + " bytes free)"
                    : "only " + megabytes(free) + " free, below recording.min-free (" + megabytes(minFree) + ")");
        }
        if (stopReason != null) {
            return false;
        }
        free -= bytes;
        return true;
    }

    /** Notes a frame written: after a stop, the first one is logged as recording again. */
    public void written() {
        if (logged != null) {
            logged = null;
            LOGGER.log(System.Logger.Level.INFO, "Camera {0} records again", camera);
        }
    }

    /**
     * Stops recording after a write failed, until the next look at the file system finds enough space; a failure
     * for another reason than space is retried that often too.
     *
     * @param failure the write's error
     */
    public void writeFailed(IOException failure) {
        everProbed = true;
        probed = System.nanoTime();
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        boolean full = message.contains("No space left");
        stop(full ? "full" : "write", full ? "the disk is full (" + message + ")" : "cannot write: " + message);
    }

    /** @return why recording is stopped, or empty while it may go on */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    private long probe() {
        try {
            return freeSpace.usableBytes();
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Free space of camera " + camera + "'s recordings unknown", e);
            return 0;
        }
    }

    /** Logs a stop once: again only after a frame was written since, or for another kind of reason. */
    private void stop(String kind, String reason) {
        if (logged == null || !logged.equals(kind)) {
            LOGGER.log(System.Logger.Level.WARNING, "Camera {0} stops recording: {1}; it records again once {2}"
                    + " are free", camera, reason, megabytes(resumeAt));
            logged = kind;
        }
        stopReason = reason;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

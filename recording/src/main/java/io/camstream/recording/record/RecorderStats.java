package io.camstream.recording.record;

import java.util.concurrent.atomic.AtomicLong;

/** A camera's recording figures since the server started; read from any thread. */
public final class RecorderStats {

    private final AtomicLong framesRecorded = new AtomicLong();
    private final AtomicLong bytesRecorded = new AtomicLong();
    private final AtomicLong framesNotRecorded = new AtomicLong();
    private final AtomicLong recordings = new AtomicLong();
    private final AtomicLong bytesDeleted = new AtomicLong();

    void recorded(int bytes) {
        framesRecorded.incrementAndGet();
        bytesRecorded.addAndGet(bytes);
    }

    void notRecorded(int frames) {
        framesNotRecorded.addAndGet(frames);
    }

    void recordingStarted() {
        recordings.incrementAndGet();
    }

    void deleted(long bytes) {
        bytesDeleted.addAndGet(bytes);
    }

    /** @return frames written to segment files */
    public long framesRecorded() {
        return framesRecorded.get();
    }

    /** @return JPEG bytes written to segment files */
    public long bytesRecorded() {
        return bytesRecorded.get();
    }

    /** @return frames due to be recorded that were not, while recording was stopped (disk full or failing) */
    public long framesNotRecorded() {
        return framesNotRecorded.get();
    }

    /** @return recordings begun */
    public long recordings() {
        return recordings.get();
    }

    /** @return segment bytes deleted by retention */
    public long bytesDeleted() {
        return bytesDeleted.get();
    }
}

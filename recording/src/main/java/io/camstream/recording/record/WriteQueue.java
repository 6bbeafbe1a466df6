package io.camstream.recording.record;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The jobs waiting for a camera's disk writer. Frames are taken only while fewer frames and bytes wait than the
 * bounds: a disk slower than the camera costs recorded frames (counted), never the camera's time or memory
 * without bound. Closes and events are always taken, so that no recording stays open and no event is lost.
 */
final class WriteQueue {

    private final LinkedBlockingQueue<WriteJob> jobs = new LinkedBlockingQueue<>();
    private final long maxBytes;
    private final int maxFrames;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    WriteQueue(long maxBytes, int maxFrames) {
        this.maxBytes = maxBytes;
        this.maxFrames = maxFrames;
    }

    /**
     * Queues frames unless too many bytes wait; never blocks.
     *
     * @return whether they were queued
     */
    boolean offer(WriteJob.Frames frames) {
        if (bytes.get() >= maxBytes || this.frames.get() >= maxFrames) {
            dropped.addAndGet(frames.frames().size());
            return false;
        }
        bytes.addAndGet(frames.bytes());
        this.frames.addAndGet(frames.frames().size());
        jobs.add(frames);
        return true;
    }

    /** Queues a close or an event; never blocks, never refuses. */
    void add(WriteJob job) {
        jobs.add(job);
    }

    WriteJob poll(Duration timeout) throws InterruptedException {
        WriteJob job = jobs.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (job instanceof WriteJob.Frames taken) {
            bytes.addAndGet(-taken.bytes());
            frames.addAndGet(-taken.frames().size());
        }
        return job;
    }

    /** @return frames refused because too many bytes waited */
    long dropped() {
        return dropped.get();
    }

    /** @return bytes of frames waiting */
    long bytes() {
        return bytes.get();
    }
}

package io.camstream.recording.record;

import io.camstream.core.fanout.FrameTap;
import io.camstream.recording.RecordingMode;
import io.camstream.recording.detection.MotionState;
import io.camstream.recording.store.RecordingKind;
import io.camstream.spi.Frame;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides on the capture's thread, for every frame, what is recorded: in continuous mode every frame; in motion
 * mode the pre-capture frames of the ring once detection reports an event, then every frame until the event has
 * ended and the post-capture time after its last motion has passed; and one frame per timelapse interval. Frames
 * go to the disk writer's queue, which refuses them rather than wait when the disk is behind. Each frame costs
 * O(1) and takes no lock but the queue's.
 */
final class RecordingTap implements FrameTap {

    /**
     * The ring keeps this much beyond the pre-capture time: detection reports an event some frames after its
     * start (min-frames, and a frame or two of its own delay).
     */
    static final Duration RING_SLACK = Duration.ofSeconds(3);

    private final RecordingMode mode;
    private final Duration preCapture;
    private final Duration postCapture;
    private final Duration timelapseInterval;
    private final MotionState motion;
    private final WriteQueue queue;
    private final PreCaptureRing ring;
    private boolean recording;
    private Instant nextTimelapse = Instant.MIN;

    RecordingTap(RecordingMode mode, Duration preCapture, Duration postCapture, Duration timelapseInterval,
                 MotionState motion, WriteQueue queue, long ringBytes) {
        this.mode = mode;
        this.preCapture = preCapture;
        this.postCapture = postCapture;
        this.timelapseInterval = timelapseInterval;
        this.motion = motion;
        this.queue = queue;
        this.ring = new PreCaptureRing(preCapture.plus(RING_SLACK), ringBytes);
    }

    @Override
    public void frame(Frame frame) {
        if (!timelapseInterval.isZero() && !frame.captureTime().isBefore(nextTimelapse)) {
            queue.offer(WriteJob.Frames.of(RecordingKind.TIMELAPSE, List.of(frame)));
            nextTimelapse = nextBoundary(frame.captureTime());
        }
        switch (mode) {
            case CONTINUOUS -> queue.offer(WriteJob.Frames.of(RecordingKind.CONTINUOUS, List.of(frame)));
            case MOTION -> motionFrame(frame);
            case OFF -> {
            }
        }
    }

    /**
     * The ring sees every frame, recorded or not: an event that starts soon after the previous recording closed
     * still gets its whole pre-capture, even frames that the previous recording holds too.
     */
    private void motionFrame(Frame frame) {
        boolean active = motion.active();
        if (!recording && active) {
            recording = true;
            List<Frame> before = ring.from(motion.eventStart().minus(preCapture));
            if (!before.isEmpty()) {
                queue.offer(WriteJob.Frames.of(RecordingKind.MOTION, before));
            }
        }
        ring.add(frame);
        if (!recording) {
            return;
        }
        if (active || !frame.captureTime().isAfter(motion.lastMotion().plus(postCapture))) {
            queue.offer(WriteJob.Frames.of(RecordingKind.MOTION, List.of(frame)));
        } else {
            recording = false;
            queue.add(new WriteJob.Close(RecordingKind.MOTION));
        }
    }

    /** Timelapse frames fall on multiples of the interval since the epoch, so that 10s gives :00, :10, :20. */
    private Instant nextBoundary(Instant time) {
        long interval = timelapseInterval.toMillis();
        long next = Math.floorDiv(time.toEpochMilli(), interval) * interval + interval;
        return Instant.ofEpochMilli(next);
    }
}

package io.camstream.recording.record;

import io.camstream.recording.events.MotionEvent;
import io.camstream.recording.store.RecordingKind;
import io.camstream.spi.Frame;

import java.util.List;

/** What the capture and the detection hand a camera's disk writer, in the order they happened. */
sealed interface WriteJob {

    /** Frames to append to the open recording of a kind, opening one if none is. */
    record Frames(RecordingKind kind, List<Frame> frames, long bytes) implements WriteJob {

        static Frames of(RecordingKind kind, List<Frame> frames) {
            return new Frames(kind, frames, frames.stream().mapToLong(Frame::size).sum());
        }
    }

    /** Closes the open recording of a kind. */
    record Close(RecordingKind kind) implements WriteJob {
    }

    /** Writes an event as it is now. */
    record Event(MotionEvent event, byte[] thumbnail) implements WriteJob {
    }
}

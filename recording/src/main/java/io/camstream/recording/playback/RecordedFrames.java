package io.camstream.recording.playback;

import io.camstream.recording.store.CameraStore;
import io.camstream.recording.store.Recording;
import io.camstream.recording.store.SegmentInfo;
import io.camstream.recording.store.SegmentReader;
import io.camstream.recording.store.StoredFrame;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The frames of one recording, read from its segment files in order: listed by their records' headers first (quick:
 * a minute of frames is a few thousand small reads), each frame read and checked when it is wanted. A frame whose
 * record turns out damaged is left out. A segment deleted by retention meanwhile ends the frames early.
 */
public final class RecordedFrames implements AutoCloseable {

    private record Listed(SegmentReader reader, StoredFrame frame) {
    }

    private final List<SegmentReader> readers;
    private final List<Listed> frames;

    private RecordedFrames(List<SegmentReader> readers, List<Listed> frames) {
        this.readers = readers;
        this.frames = frames;
    }

    /**
     * Lists a recording's frames.
     *
     * @param store     the camera's recordings
     * @param recording one of them
     * @return the frames; close when done
     * @throws IOException when the index cannot be read
     */
    public static RecordedFrames of(CameraStore store, Recording recording) throws IOException {
        List<SegmentReader> readers = new ArrayList<>();
        List<Listed> frames = new ArrayList<>();
        try {
            for (SegmentInfo segment : store.segmentsOf(recording.id())) {
                SegmentReader reader;
                try {
                    reader = SegmentReader.open(store.file(segment));
                } catch (java.nio.file.NoSuchFileException e) {
                    break;
                }
                readers.add(reader);
                for (StoredFrame frame : reader.frames()) {
                    frames.add(new Listed(reader, frame));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(readers);
            throw e;
        }
        return new RecordedFrames(readers, frames);
    }

    /** @return how many frames the recording has */
    public int size() {
        return frames.size();
    }

    /** @return the capture time of the frame at an index */
    public Instant time(int index) {
        return frames.get(index).frame().captureTime();
    }

    /** @return the frame at an index, or empty when its record is damaged or its file is gone */
    public Optional<Frame> read(int index) {
        Listed listed = frames.get(index);
        try {
            return listed.reader().read(listed.frame());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The first frame captured at or after a time.
     *
     * @param time the time
     * @return its index, or {@link #size()} when all are earlier
     */
    public int firstAtOrAfter(Instant time) {
        int low = 0;
        int high = frames.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time(middle).isBefore(time)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The frame captured nearest a time.
     *
     * @param time the time
     * @return its index; -1 when there is no frame
     */
    public int nearest(Instant time) {
        if (frames.isEmpty()) {
            return -1;
        }
        int after = Math.min(firstAtOrAfter(time), frames.size() - 1);
        if (after > 0 && distance(after - 1, time) <= distance(after, time)) {
            return after - 1;
        }
        return after;
    }

    private long distance(int index, Instant time) {
        return Math.abs(java.time.Duration.between(time(index), time).toNanos());
    }

    @Override
    public void close() {
        closeAll(readers);
    }

    private static void closeAll(List<SegmentReader> readers) {
        for (SegmentReader reader : readers) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // nothing was written
            }
        }
    }
}

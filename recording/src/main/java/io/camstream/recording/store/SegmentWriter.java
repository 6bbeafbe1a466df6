package io.camstream.recording.store;

import io.camstream.spi.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends frames to a new segment file, each as one record written with one call and never changed afterwards: a
 * process killed at any moment leaves every frame before the one being written readable. The data reaches the
 * operating system with every frame; it is forced to the disk only by {@link #force()} and when the segment is
 * closed, so a power cut (not a killed process) may lose what came since.
 */
public final class SegmentWriter implements AutoCloseable {

    private final Path file;
    private final SegmentHeader header;
    private final FileChannel channel;
    private final ByteBuffer recordHeader = ByteBuffer.allocate(RecordFormat.HEADER_BYTES);
    private long bytes;
    private boolean failed;
    private long frames;
    private long frameBytes;
    private Instant first;
    private Instant last;

    private SegmentWriter(Path file, SegmentHeader header, FileChannel channel) {
        this.file = file;
        this.header = header;
        this.channel = channel;
    }

    /**
     * Creates the file and writes its header.
     *
     * @throws IOException when the file exists or cannot be written
     */
    static SegmentWriter create(Path file, SegmentHeader header) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        SegmentWriter writer = new SegmentWriter(file, header, channel);
        try {
            writer.write(RecordType.SEGMENT_HEADER, header.encode());
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    /**
     * Appends a frame.
     *
     * @param frame the frame, stored as it is
     * @throws IOException when the write fails (a full disk among others)
     */
    public void append(Frame frame) throws IOException {
        write(RecordType.FRAME, FrameRecord.prefix(frame), ByteBuffer.wrap(frame.jpeg()));
        frames++;
        frameBytes += frame.size();
        if (first == null) {
            first = frame.captureTime();
        }
        last = frame.captureTime();
    }

    /**
     * Forces what was written to the disk.
     *
     * @throws IOException when that fails
     */
    public void force() throws IOException {
        channel.force(false);
    }

    Path file() {
        return file;
    }

    SegmentHeader header() {
        return header;
    }

    /** @return the file's length: every record written so far */
    public long bytes() {
        return bytes;
    }

    /** @return frames appended */
    public long frames() {
        return frames;
    }

    /** @return JPEG bytes appended */
    public long frameBytes() {
        return frameBytes;
    }

    /** @return the first frame's capture time, or null before the first */
    Instant first() {
        return first;
    }

    /** @return the last frame's capture time, or null before the first */
    Instant last() {
        return last;
    }

    /**
     * Forces the file to the disk and closes it; closing again does nothing.
     *
     * @throws IOException when that fails
     */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            try (channel) {
                channel.force(false);
            }
        }
    }

    private void write(RecordType type, ByteBuffer... payload) throws IOException {
        if (failed) {
            throw new IOException("an earlier write to " + file + " failed; the segment takes no more records");
        }
        try {
            bytes += RecordFormat.write(channel, recordHeader, type, payload);
        } catch (IOException e) {
            failed = true;
            // A part of a record would hide the records after it from a reader that trusts the lengths.
            try {
                channel.truncate(bytes);
            } catch (IOException ignored) {
                // the reader's checksums still keep the part out of any playback
            }
            throw e;
        }
    }
}

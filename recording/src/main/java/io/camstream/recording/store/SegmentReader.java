package io.camstream.recording.store;

import io.camstream.spi.Frame;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a segment file, also one that is being written or that a killed process left with a half-written frame
 * at its end: every complete frame before it is read. Damage inside the file (a failed disk sector) costs the
 * frames it hit; the reader finds the next whole record after it.
 */
public final class SegmentReader implements AutoCloseable {

    /** Longer records are damage: the largest frame a camera may deliver ({@code max-frame-bytes}) is 256 MiB. */
    static final int MAX_RECORD = 256 * 1024 * 1024 + FrameRecord.PREFIX_BYTES;

    private final FileChannel channel;
    private final RecordReader records;
    private final Optional<SegmentHeader> header;

    private SegmentReader(FileChannel channel) throws IOException {
        this.channel = channel;
        this.records = new RecordReader(channel, MAX_RECORD);
        this.header = readHeader();
    }

    /**
     * Opens a segment file.
     *
     * @param file the file
     * @return the reader; close it when done
     * @throws IOException when the file cannot be opened
     */
    public static SegmentReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new SegmentReader(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return what the file says it belongs to; empty when its first record is not a sound segment header */
    Optional<SegmentHeader> header() {
        return header;
    }

    /**
     * Lists the frames from the reader's position on, by their records' headers: quick, unchecked.
     *
     * @return the frames in the order they were written
     * @throws IOException when the file cannot be read
     */
    public List<StoredFrame> frames() throws IOException {
        List<StoredFrame> frames = new ArrayList<>();
        for (Optional<RecordReader.Entry> entry = records.next(); entry.isPresent(); entry = records.next()) {
            if (entry.get().type() == RecordType.FRAME) {
                FrameRecord.stored(entry.get().offset(), records.peek(entry.get(), FrameRecord.PREFIX_BYTES),
                        entry.get().length()).ifPresent(frames::add);
            }
        }
        return frames;
    }

    /**
     * Reads a listed frame, checking its checksum.
     *
     * @param stored a frame {@link #frames()} listed
     * @return the frame, or empty when its record is damaged
     * @throws IOException when the file cannot be read
     */
    public Optional<Frame> read(StoredFrame stored) throws IOException {
        Optional<RecordReader.Entry> entry = records.entryAt(stored.offset());
        if (entry.isEmpty() || entry.get().type() != RecordType.FRAME) {
            return Optional.empty();
        }
        return records.payload(entry.get()).map(payload -> FrameRecord.frame(stored, payload));
    }

    /** @return the end of the last complete record listed so far: the part of the file that is sound */
    long soundBytes() {
        return records.position();
    }

    /** @return how many damaged stretches the listing skipped */
    long damaged() {
        return records.damaged();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private Optional<SegmentHeader> readHeader() throws IOException {
        Optional<RecordReader.Entry> first = records.next();
        if (first.isEmpty() || first.get().type() != RecordType.SEGMENT_HEADER) {
            return Optional.empty();
        }
        return records.payload(first.get()).flatMap(SegmentHeader::decode);
    }
}

package io.camstream.recording.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Reads the records of a file that may be damaged or still being written. A record is taken when its header is
 * sound and it ends inside the file; one that runs past the end is the record being written (or the one a killed
 * process was writing), where reading stops. A header that is not sound, or a payload whose checksum fails, is
 * damage: the reader looks for the next sound record after it and counts what it skipped.
 * <p>
 * Payloads are checked when they are read ({@link #payload}); listing the records ({@link #next}) reads only
 * their headers, so an index of a large file is quick.
 */
final class RecordReader {

    /** Where one record lies in the file. */
    record Entry(RecordType type, long offset, int length, int crc) {

        long payloadOffset() {
            return offset + RecordFormat.HEADER_BYTES;
        }

        long end() {
            return payloadOffset() + length;
        }
    }

    private static final int SCAN_CHUNK = 64 * 1024;

    private final FileChannel channel;
    private final int maxPayload;
    private final ByteBuffer header = ByteBuffer.allocate(RecordFormat.HEADER_BYTES);
    private long position;
    private long damaged;

    /**
     * @param channel    the file, read with positional reads only
     * @param maxPayload longer records are damage: no camstream record is longer
     */
    RecordReader(FileChannel channel, int maxPayload) {
        this.channel = channel;
        this.maxPayload = maxPayload;
    }

    /** @return where the next record is looked for */
    long position() {
        return position;
    }

    void position(long position) {
        this.position = position;
    }

    /** @return how many times damage was skipped */
    long damaged() {
        return damaged;
    }

    /**
     * The next record, or empty at the end of what is complete.
     *
     * @throws IOException when the file cannot be read
     */
    Optional<Entry> next() throws IOException {
        long size = channel.size();
        Optional<Entry> entry = headerAt(position, size);
        if (entry.isPresent()) {
            if (entry.get().end() > size) {
                return Optional.empty();
            }
            position = entry.get().end();
            return entry;
        }
        if (position + RecordFormat.HEADER_BYTES > size) {
            return Optional.empty();
        }
        return resync(size);
    }

    /**
     * The payload of a record, checked.
     *
     * @return the payload, or empty when its checksum fails
     * @throws IOException when the file cannot be read
     */
    Optional<byte[]> payload(Entry entry) throws IOException {
        ByteBuffer payload = ByteBuffer.allocate(entry.length());
        readFully(payload, entry.payloadOffset());
        payload.flip();
        if (RecordFormat.crc(entry.type().code(), entry.length(), payload) != entry.crc()) {
            return Optional.empty();
        }
        return Optional.of(payload.array());
    }

    /**
     * The first bytes of a payload, unchecked, for listing.
     *
     * @throws IOException when the file cannot be read
     */
    ByteBuffer peek(Entry entry, int bytes) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(Math.min(bytes, entry.length()));
        readFully(start, entry.payloadOffset());
        return start.flip();
    }

    /**
     * The record at an offset found earlier by {@link #next}.
     *
     * @throws IOException when the file cannot be read
     */
    Optional<Entry> entryAt(long offset) throws IOException {
        long size = channel.size();
        return headerAt(offset, size).filter(entry -> entry.end() <= size);
    }

    private Optional<Entry> headerAt(long offset, long size) throws IOException {
        if (offset + RecordFormat.HEADER_BYTES > size) {
            return Optional.empty();
        }
        header.clear();
        readFully(header, offset);
        header.flip();
        if (header.getShort() != RecordFormat.SYNC) {
            return Optional.empty();
        }
        Optional<RecordType> type = RecordType.of(header.get());
        byte reserved = header.get();
        int length = header.getInt();
        int crc = header.getInt();
        if (type.isEmpty() || reserved != 0 || length < 0 || length > maxPayload) {
            return Optional.empty();
        }
        return Optional.of(new Entry(type.get(), offset, length, crc));
    }

    /** Looks for the next record with a sound header and payload after damage at the current position. */
    private Optional<Entry> resync(long size) throws IOException {
        damaged++;
        ByteBuffer chunk = ByteBuffer.allocate(SCAN_CHUNK);
        long from = position + 1;
        while (from + RecordFormat.HEADER_BYTES <= size) {
            chunk.clear();
            int read = channel.read(chunk, from);
            if (read <= 1) {
                break;
            }
            for (int i = 0; i + 1 < read; i++) {
                if (chunk.get(i) == (byte) 0xCA && chunk.get(i + 1) == (byte) 0x5E) {
                    Optional<Entry> candidate = headerAt(from + i, size);
                    if (candidate.isPresent() && candidate.get().end() <= size
                            && payload(candidate.get()).isPresent()) {
                        position = candidate.get().end();
                        return candidate;
                    }
                }
            }
            from += read - 1;
        }
        position = size;
        return Optional.empty();
    }

    private void readFully(ByteBuffer buffer, long offset) throws IOException {
        long at = offset;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the file ended at " + at + " while reading a record");
            }
            at += read;
        }
    }
}

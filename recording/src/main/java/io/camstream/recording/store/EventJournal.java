package io.camstream.recording.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A day's motion events of one camera, appended as records: an event is written when it starts and again when it
 * ends, and the last record of an event wins. Kept beside the index so that events, too, survive its loss.
 */
final class EventJournal {

    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private EventJournal() {
    }

    static void append(Path file, EventRecord record) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            RecordFormat.write(channel, ByteBuffer.allocate(RecordFormat.HEADER_BYTES), RecordType.EVENT,
                    record.encode());
        }
    }

    /** Every event of a journal as last written, in the order they first appear; damaged records are skipped. */
    static Map<Long, EventRecord> read(Path file) throws IOException {
        Map<Long, EventRecord> events = new LinkedHashMap<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            RecordReader reader = new RecordReader(channel, MAX_RECORD);
            for (Optional<RecordReader.Entry> entry = reader.next(); entry.isPresent(); entry = reader.next()) {
                if (entry.get().type() == RecordType.EVENT) {
                    reader.payload(entry.get()).flatMap(EventRecord::decode)
                            .ifPresent(record -> events.put(record.event().id(), record));
                }
            }
        }
        return events;
    }
}

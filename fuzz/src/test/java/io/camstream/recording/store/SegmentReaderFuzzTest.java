package io.camstream.recording.store;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.camstream.spi.Frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes as a segment file or an event journal, as a damaged disk may leave them: the reader lists frames that
 * lie inside the file, reads back only frames whose checksum holds, with the size and time it listed, and never
 * throws; the journal gives events as they were written, or none.
 */
class SegmentReaderFuzzTest {

    private static final Path FILE = file();

    private static Path file() {
        try {
            Path file = Files.createTempFile("camstream-segment-fuzz", ".cseg");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest
    void readsAnyFile(byte[] data) throws IOException {
        Files.write(FILE, data);
        try (SegmentReader reader = SegmentReader.open(FILE)) {
            reader.header().ifPresent(header -> assertThat(header.recordingId()).isPositive());
            List<StoredFrame> frames = reader.frames();
            assertThat(reader.soundBytes()).isBetween(0L, (long) data.length);
            long previousEnd = 0;
            for (StoredFrame stored : frames) {
                assertThat(stored.offset()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(stored.offset() + RecordFormat.HEADER_BYTES + FrameRecord.PREFIX_BYTES
                        + stored.jpegBytes()).isLessThanOrEqualTo(data.length);
                previousEnd = stored.offset() + RecordFormat.HEADER_BYTES + FrameRecord.PREFIX_BYTES
                        + stored.jpegBytes();
                Optional<Frame> frame = reader.read(stored);
                frame.ifPresent(f -> {
                    assertThat(f.size()).isEqualTo(stored.jpegBytes());
                    assertThat(f.captureTime()).isEqualTo(stored.captureTime());
                });
            }
        }
        Map<Long, EventRecord> events = EventJournal.read(FILE);
        events.forEach((id, record) -> {
            assertThat(record.event().id()).isEqualTo(id).isPositive();
            assertThat(record.event().peakScore()).isBetween(0.0, 1.0);
            record.event().end().ifPresent(end -> assertThat(end).isAfterOrEqualTo(record.event().start()));
        });
    }
}

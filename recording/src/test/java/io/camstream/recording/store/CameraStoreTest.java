package io.camstream.recording.store;

import io.camstream.recording.events.MotionEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.camstream.recording.store.SegmentFilesTest.frame;
import static org.assertj.core.api.Assertions.assertThat;

class CameraStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final byte[] THUMBNAIL = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @TempDir
    Path dir;

    /** Recording 1 in two segments (3 and 2 frames), recording 2 in one (4 frames), one event. */
    private void record(CameraStore store) throws IOException {
        long first = store.nextRecordingId();
        try (SegmentWriter a = store.newSegment(RecordingKind.MOTION, first, 1, frame(1).captureTime())) {
            for (int i = 1; i <= 3; i++) {
                a.append(frame(i));
            }
            store.close(a);
        }
        SegmentWriter b = store.newSegment(RecordingKind.MOTION, first, 2, frame(4).captureTime());
        b.append(frame(4));
        b.append(frame(5));
        store.close(b);
        long second = store.nextRecordingId();
        SegmentWriter c = store.newSegment(RecordingKind.CONTINUOUS, second, 1, frame(10).captureTime());
        for (int i = 10; i < 14; i++) {
            c.append(frame(i));
        }
        store.close(c);
        MotionEvent event = new MotionEvent(store.nextEventId(), frame(2).captureTime(), Optional.empty(), 0.1,
                frame(2).captureTime());
        store.put(event, THUMBNAIL);
        store.put(new MotionEvent(event.id(), event.start(), Optional.of(frame(4).captureTime()), 0.25,
                frame(3).captureTime()), THUMBNAIL);
    }

    private static List<String> listing(CameraStore store) throws IOException {
        return store.recordings(Long.MAX_VALUE, 100).stream()
                .map(r -> r.id() + " " + r.kind().label() + " " + r.frames() + " frames in " + r.segments() + " from "
                        + r.start() + " to " + r.end())
                .toList();
    }

    @Test
    void recordingsAreListedNewestFirstWithTheirFramesSegmentsAndTimes() throws IOException {
        try (CameraStore store = CameraStore.open(dir, "door")) {
            record(store);
            assertThat(listing(store)).containsExactly(
                    "2 continuous 4 frames in 1 from " + frame(10).captureTime() + " to " + frame(13).captureTime(),
                    "1 motion 5 frames in 2 from " + frame(1).captureTime() + " to " + frame(5).captureTime());
            assertThat(store.recordingsAt(frame(3).captureTime())).extracting(Recording::id).containsExactly(1L);
            assertThat(store.events(Long.MAX_VALUE, 10)).containsExactly(new MotionEvent(1, frame(2).captureTime(),
                    Optional.of(frame(4).captureTime()), 0.25, frame(3).captureTime()));
            assertThat(store.thumbnail(1)).hasValueSatisfying(t -> assertThat(t).isEqualTo(THUMBNAIL));
            assertThat(store.totalBytes()).isEqualTo(sizeOfSegments());
        }
    }

    @Test
    void aLostIndexIsRebuiltFromTheSegmentsAndJournals() throws IOException {
        List<String> before;
        List<MotionEvent> events;
        try (CameraStore store = CameraStore.open(dir, "door")) {
            record(store);
            before = listing(store);
            events = store.events(Long.MAX_VALUE, 10);
        }
        for (String part : new String[]{"index.db", "index.db-wal", "index.db-shm"}) {
            Files.deleteIfExists(dir.resolve(part));
        }
        try (CameraStore store = CameraStore.open(dir, "door")) {
            assertThat(listing(store)).isEqualTo(before);
            assertThat(store.events(Long.MAX_VALUE, 10)).isEqualTo(events);
            assertThat(store.nextRecordingId()).as("numbers go on after the rebuilt ones").isEqualTo(3);
            assertThat(store.nextEventId()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedIndexIsSetAsideAndRebuilt() throws IOException {
        List<String> before;
        try (CameraStore store = CameraStore.open(dir, "door")) {
            record(store);
            before = listing(store);
        }
        Files.deleteIfExists(dir.resolve("index.db-wal"));
        Files.deleteIfExists(dir.resolve("index.db-shm"));
        byte[] db = Files.readAllBytes(dir.resolve("index.db"));
        for (int i = 0; i < db.length; i += 7) {
            db[i] = (byte) 0x5A;
        }
        Files.write(dir.resolve("index.db"), db);

        try (CameraStore store = CameraStore.open(dir, "door")) {
            assertThat(listing(store)).isEqualTo(before);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("index.db.damaged-"));
        }
    }

    @Test
    void aSegmentThatGrewAfterItsLastIndexUpdateIsReadAgainOnOpening() throws IOException {
        try (CameraStore store = CameraStore.open(dir, "door")) {
            long id = store.nextRecordingId();
            SegmentWriter writer = store.newSegment(RecordingKind.CONTINUOUS, id, 1, frame(1).captureTime());
            writer.append(frame(1));
            store.index(writer);
            writer.append(frame(2));
            writer.append(frame(3));
            writer.force();
            // the process dies here: the index last heard of one frame
        }
        try (CameraStore store = CameraStore.open(dir, "door")) {
            assertThat(store.recording(1)).hasValueSatisfying(r -> {
                assertThat(r.frames()).isEqualTo(3);
                assertThat(r.end()).isEqualTo(frame(3).captureTime());
            });
        }
    }

    @Test
    void deletingASegmentShortensItsRecordingAndDeletingTheLastRemovesIt() throws IOException {
        try (CameraStore store = CameraStore.open(dir, "door")) {
            record(store);
            List<SegmentInfo> oldestFirst = store.segments();
            assertThat(oldestFirst).extracting(SegmentInfo::file).containsExactly(
                    "segments/2026-12-01/00000001-0001.cseg", "segments/2026-12-01/00000001-0002.cseg",
                    "segments/2026-12-01/00000002-0001.cseg");
            store.delete(oldestFirst.getFirst());
            assertThat(store.recording(1)).hasValueSatisfying(r -> assertThat(r.start())
                    .isEqualTo(frame(4).captureTime()));
            store.delete(oldestFirst.get(1));
            assertThat(store.recording(1)).isEmpty();
            assertThat(Files.exists(dir.resolve(oldestFirst.getFirst().file()))).isFalse();
        }
    }

    private long sizeOfSegments() throws IOException {
        try (var files = Files.walk(dir.resolve("segments"))) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @Test
    void journalsOfDaysBeforeACutOffAreDeletedWithTheirEvents() throws IOException {
        try (CameraStore store = CameraStore.open(dir, "door")) {
            store.put(new MotionEvent(store.nextEventId(), T0.minusSeconds(2 * 86400), Optional.of(T0), 0.5, T0),
                    new byte[0]);
            store.put(new MotionEvent(store.nextEventId(), T0, Optional.of(T0), 0.5, T0), new byte[0]);
            assertThat(store.deleteJournalsBefore(java.time.LocalDate.of(2026, 12, 1))).isEqualTo(1);
            assertThat(store.events(Long.MAX_VALUE, 10)).extracting(MotionEvent::id).containsExactly(2L);
        }
    }
}

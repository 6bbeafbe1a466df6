package io.camstream.recording.store;

import io.camstream.spi.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentFilesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");

    @TempDir
    Path dir;

    static Frame frame(int i) {
        byte[] jpeg = new byte[1000 + i * 37];
        new Random(i).nextBytes(jpeg);
        return new Frame(jpeg, i, T0.plusMillis(100L * i), 320, 240);
    }

    private Path writeFrames(int count) throws IOException {
        Path file = dir.resolve("s.cseg");
        try (SegmentWriter writer = SegmentWriter.create(file,
                new SegmentHeader(RecordingKind.MOTION, 7, 1, "door"))) {
            for (int i = 1; i <= count; i++) {
                writer.append(frame(i));
            }
            assertThat(writer.bytes()).isEqualTo(Files.size(file));
        }
        return file;
    }

    private static List<Frame> readAll(Path file) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (SegmentReader reader = SegmentReader.open(file)) {
            for (StoredFrame stored : reader.frames()) {
                reader.read(stored).ifPresent(frames::add);
            }
        }
        return frames;
    }

    @Test
    void framesComeBackAsWrittenWithTheirCaptureTimesAndTheHeaderNamesTheRecording() throws IOException {
        Path file = writeFrames(5);

        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThat(reader.header()).contains(new SegmentHeader(RecordingKind.MOTION, 7, 1, "door"));
        }
        assertThat(readAll(file)).containsExactly(frame(1), frame(2), frame(3), frame(4), frame(5));
    }

    @Test
    void aFrameCutOffAtAnyByteLeavesEveryEarlierFrameReadable() throws IOException {
        Path file = writeFrames(3);
        long whole = Files.size(file);
        long lastStart;
        try (SegmentReader reader = SegmentReader.open(file)) {
            lastStart = reader.frames().getLast().offset();
        }
        byte[] bytes = Files.readAllBytes(file);
        for (long cut = lastStart; cut < whole; cut += 97) {
            Path torn = dir.resolve("torn-" + cut + ".cseg");
            Files.write(torn, java.util.Arrays.copyOf(bytes, (int) cut));
            assertThat(readAll(torn)).as("cut at %d of %d", cut, whole).containsExactly(frame(1), frame(2));
        }
    }

    @Test
    void damageInsideAFrameCostsThatFrameOnlyAndIsCounted() throws IOException {
        Path file = writeFrames(4);
        long second;
        try (SegmentReader reader = SegmentReader.open(file)) {
            second = reader.frames().get(1).offset();
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(second + 200);
            raw.write(new byte[]{1, 2, 3, 4});
        }
        assertThat(readAll(file)).containsExactly(frame(1), frame(3), frame(4));
    }

    @Test
    void aDamagedRecordHeaderIsSkippedToTheNextSoundRecord() throws IOException {
        Path file = writeFrames(4);
        long second;
        try (SegmentReader reader = SegmentReader.open(file)) {
            second = reader.frames().get(1).offset();
        }
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(second + 4);
            raw.writeInt(Integer.MAX_VALUE);
        }
        try (SegmentReader reader = SegmentReader.open(file)) {
            List<StoredFrame> frames = reader.frames();
            assertThat(frames).extracting(StoredFrame::sequence).containsExactly(1L, 3L, 4L);
            assertThat(reader.damaged()).isEqualTo(1);
            assertThat(reader.read(frames.get(1))).contains(frame(3));
        }
    }

    @Test
    void aFileOfNoiseYieldsNoFramesAndNoError() throws IOException {
        Path file = dir.resolve("noise.cseg");
        byte[] noise = new byte[50_000];
        new Random(3).nextBytes(noise);
        Files.write(file, noise);
        try (SegmentReader reader = SegmentReader.open(file)) {
            assertThat(reader.header()).isEmpty();
            assertThat(reader.frames()).isEmpty();
        }
    }

    @Test
    void aWriterIsReadWhileItWritesUpToItsLastFrame() throws IOException {
        Path file = dir.resolve("live.cseg");
        try (SegmentWriter writer = SegmentWriter.create(file,
                new SegmentHeader(RecordingKind.CONTINUOUS, 1, 1, "desk"))) {
            writer.append(frame(1));
            assertThat(readAll(file)).containsExactly(frame(1));
            writer.append(frame(2));
            assertThat(readAll(file)).containsExactly(frame(1), frame(2));
        }
    }

    /** Any damage: reading never fails but with IOException, and whatever it returns is a frame as written. */
    @Test
    void randomlyDamagedFilesGiveOnlyWholeFramesAsWritten() throws IOException {
        byte[] sound = Files.readAllBytes(writeFrames(6));
        java.util.Set<Frame> written = new java.util.HashSet<>();
        for (int i = 1; i <= 6; i++) {
            written.add(frame(i));
        }
        Random random = new Random(13);
        Path damaged = dir.resolve("damaged.cseg");
        for (int round = 0; round < 300; round++) {
            byte[] bytes = java.util.Arrays.copyOf(sound, random.nextInt(sound.length + 1));
            for (int hits = random.nextInt(8); hits >= 0 && bytes.length > 0; hits--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(damaged, bytes);
            assertThat(readAll(damaged)).as("round %d", round).allMatch(written::contains);
        }
    }
}

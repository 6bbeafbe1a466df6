package io.camstream.recording.store;

import io.camstream.recording.events.MotionEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one camera recorded, in its recording directory:
 * <pre>
 *   index.db                          the SQLite index (with index.db-wal, index.db-shm)
 *   segments/2026-12-01/00000042-0001.cseg   recording 42's first segment (days in UTC)
 *   events/2026-12-01.cevt            the day's motion events, with their thumbnails
 * </pre>
 * Opening it brings the index up to date with the files: a segment the index does not know, or knows at another
 * length (the one a killed process was writing), is read again; an index that is lost or damaged is made anew
 * from all of them.
 */
public final class CameraStore implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(CameraStore.class.getName());
    static final String SEGMENTS = "segments";
    static final String EVENTS = "events";
    static final String SEGMENT_SUFFIX = ".cseg";
    static final String JOURNAL_SUFFIX = ".cevt";

    private final Path dir;
    private final String camera;
    private final RecordingIndex index;
    private final AtomicLong recordingIds;
    private final AtomicLong eventIds;

    private CameraStore(Path dir, String camera, RecordingIndex index) throws SQLException {
        this.dir = dir;
        this.camera = camera;
        this.index = index;
        this.recordingIds = new AtomicLong(index.maxRecordingId());
        this.eventIds = new AtomicLong(index.maxEventId());
    }

    /**
     * Opens a camera's recordings, making the directory if needed and bringing the index up to date.
     *
     * @param dir    the camera's recording directory
     * @param camera the camera's name, written into each segment
     * @return the store; close it when done
     * @throws IOException when the directory or the index cannot be used
     */
    public static CameraStore open(Path dir, String camera) throws IOException {
        Files.createDirectories(dir.resolve(SEGMENTS));
        Files.createDirectories(dir.resolve(EVENTS));
        RecordingIndex.Opened opened;
        try {
            opened = RecordingIndex.open(dir);
        } catch (SQLException e) {
            throw new IOException("cannot open the recording index in " + dir + ": " + e.getMessage(), e);
        }
        try {
            Reconciled reconciled = reconcile(dir, opened.index());
            if (opened.isNew() && reconciled.segments() + reconciled.journals() > 0) {
                LOGGER.log(System.Logger.Level.INFO, "Camera {0}: recording index rebuilt from {1} segment(s) and"
                        + " {2} event journal(s)", camera, reconciled.segments(), reconciled.journals());
            }
            return new CameraStore(dir, camera, opened.index());
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(opened.index());
            throw e instanceof IOException io ? io : new IOException("cannot update the recording index in " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    private record Reconciled(int segments, int journals) {
    }

    private static Reconciled reconcile(Path dir, RecordingIndex index) throws IOException, SQLException {
        Map<String, SegmentInfo> known = index.segments().stream()
                .collect(Collectors.toMap(SegmentInfo::file, Function.identity()));
        int read = 0;
        for (Path file : list(dir.resolve(SEGMENTS), SEGMENT_SUFFIX)) {
            String name = relative(dir, file);
            SegmentInfo indexed = known.remove(name);
            if (indexed != null && indexed.bytes() == Files.size(file)) {
                continue;
            }
            Optional<SegmentInfo> scanned = scan(dir, file);
            if (scanned.isPresent()) {
                index.putSegment(scanned.get());
                read++;
            } else {
                index.removeSegment(name);
            }
        }
        for (String gone : known.keySet()) {
            index.removeSegment(gone);
        }
        Map<String, Long> journals = index.journals();
        int journalsRead = 0;
        for (Path file : list(dir.resolve(EVENTS), JOURNAL_SUFFIX)) {
            String name = relative(dir, file);
            Long indexed = journals.remove(name);
            long size = Files.size(file);
            if (indexed == null || indexed != size) {
                for (EventRecord record : EventJournal.read(file).values()) {
                    index.putEvent(record, name);
                }
                index.putJournal(name, size);
                journalsRead++;
            }
        }
        for (String gone : journals.keySet()) {
            index.removeJournal(gone);
        }
        return new Reconciled(read, journalsRead);
    }

    /** What a segment file holds, or empty when it has no sound header or no frame (such a file is deleted). */
    private static Optional<SegmentInfo> scan(Path dir, Path file) throws IOException {
        List<StoredFrame> frames;
        SegmentHeader header;
        long sound;
        try (SegmentReader reader = SegmentReader.open(file)) {
            if (reader.header().isEmpty()) {
                LOGGER.log(System.Logger.Level.WARNING, "{0} is not a camstream segment (no sound header); left"
                        + " alone and not listed", file);
                return Optional.empty();
            }
            header = reader.header().get();
            frames = reader.frames();
            sound = reader.soundBytes();
        }
        if (frames.isEmpty()) {
            Files.delete(file);
            return Optional.empty();
        }
        return Optional.of(new SegmentInfo(relative(dir, file), header.recordingId(), header.kind(),
                header.sequence(), frames.getFirst().captureTime(), frames.getLast().captureTime(), frames.size(),
                sound));
    }

    private static List<Path> list(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** @return the camera's recording directory */
    public Path dir() {
        return dir;
    }

    /** @return the number for a new recording */
    public long nextRecordingId() {
        return recordingIds.incrementAndGet();
    }

    /** @return the number for a new event */
    public long nextEventId() {
        return eventIds.incrementAndGet();
    }

    /**
     * Starts a segment file, in the folder of its first frame's day.
     *
     * @param kind        the recording's kind
     * @param recordingId the recording's number
     * @param sequence    the segment's place in it, from 1
     * @param firstFrame  the capture time of the frame it will start with
     * @return the writer
     * @throws IOException when the file cannot be made
     */
    public SegmentWriter newSegment(RecordingKind kind, long recordingId, int sequence, Instant firstFrame)
            throws IOException {
        Path day = dir.resolve(SEGMENTS).resolve(LocalDate.ofInstant(firstFrame, ZoneOffset.UTC).toString());
        Files.createDirectories(day);
        Path file = day.resolve("%08d-%04d%s".formatted(recordingId, sequence, SEGMENT_SUFFIX));
        return SegmentWriter.create(file, new SegmentHeader(kind, recordingId, sequence, camera));
    }

    /**
     * The name a segment being written has in the index and in retention's list of open files.
     *
     * @param segment a segment being written
     * @return its path relative to the camera's directory
     */
    public String name(SegmentWriter segment) {
        return relative(dir, segment.file());
    }

    /**
     * Tells the index how far a segment has got; a segment without frames is not listed.
     *
     * @throws IOException when the index cannot be written
     */
    public void index(SegmentWriter segment) throws IOException {
        if (segment.frames() == 0) {
            return;
        }
        SegmentHeader header = segment.header();
        sql(() -> index.putSegment(new SegmentInfo(relative(dir, segment.file()), header.recordingId(),
                header.kind(), header.sequence(), segment.first(), segment.last(), segment.frames(),
                segment.bytes())));
    }

    /**
     * Closes a segment and lists it as it finally is; one without frames is deleted.
     *
     * @throws IOException when the file or the index cannot be written
     */
    public void close(SegmentWriter segment) throws IOException {
        try {
            segment.close();
        } finally {
            if (segment.frames() == 0) {
                Files.deleteIfExists(segment.file());
            } else {
                index(segment);
            }
        }
    }

    /**
     * Writes an event as it is now into its day's journal and the index.
     *
     * @param event     the event
     * @param thumbnail its picture as a JPEG, or an empty array
     * @throws IOException when the journal or the index cannot be written
     */
    public void put(MotionEvent event, byte[] thumbnail) throws IOException {
        Path journal = dir.resolve(EVENTS).resolve(LocalDate.ofInstant(event.start(), ZoneOffset.UTC)
                + JOURNAL_SUFFIX);
        EventRecord record = new EventRecord(event, thumbnail);
        EventJournal.append(journal, record);
        String name = relative(dir, journal);
        long size = Files.size(journal);
        sql(() -> index.inTransaction(() -> {
            index.putEvent(record, name);
            index.putJournal(name, size);
        }));
    }

    /**
     * Recordings, newest first.
     *
     * @param beforeId only older ones than this number; {@link Long#MAX_VALUE} for the newest
     * @param limit    at most this many
     * @throws IOException when the index cannot be read
     */
    public List<Recording> recordings(long beforeId, int limit) throws IOException {
        return sql(() -> index.recordings(beforeId, limit));
    }

    /** @throws IOException when the index cannot be read */
    public Optional<Recording> recording(long id) throws IOException {
        return sql(() -> index.recording(id));
    }

    /** @return the newest recording of a kind; @throws IOException when the index cannot be read */
    public Optional<Recording> latest(RecordingKind kind) throws IOException {
        return sql(() -> index.latest(kind));
    }

    /**
     * The motion or continuous recordings whose frames span a time, newest first: where an event can be watched.
     *
     * @throws IOException when the index cannot be read
     */
    public List<Recording> recordingsAt(Instant time) throws IOException {
        return sql(() -> index.recordingsAt(time));
    }

    /** @throws IOException when the index cannot be read */
    public List<SegmentInfo> segmentsOf(long recordingId) throws IOException {
        return sql(() -> index.segmentsOf(recordingId));
    }

    /** @return every segment, the one that ended first first; @throws IOException when the index cannot be read */
    public List<SegmentInfo> segments() throws IOException {
        return sql(index::segments);
    }

    /** @return the bytes all segments take; @throws IOException when the index cannot be read */
    public long totalBytes() throws IOException {
        return sql(index::totalBytes);
    }

    /**
     * Events, newest first.
     *
     * @param beforeId only older ones than this number; {@link Long#MAX_VALUE} for the newest
     * @param limit    at most this many
     * @throws IOException when the index cannot be read
     */
    public List<MotionEvent> events(long beforeId, int limit) throws IOException {
        return sql(() -> index.events(beforeId, limit));
    }

    /** @throws IOException when the index cannot be read */
    public Optional<MotionEvent> event(long id) throws IOException {
        return sql(() -> index.event(id));
    }

    /** @return the events that started within a span, oldest first; @throws IOException when the index fails */
    public List<MotionEvent> eventsBetween(Instant from, Instant to) throws IOException {
        return sql(() -> index.eventsBetween(from, to));
    }

    /** @throws IOException when the index cannot be read */
    public Optional<byte[]> thumbnail(long eventId) throws IOException {
        return sql(() -> index.thumbnail(eventId));
    }

    /**
     * The file of a listed segment.
     *
     * @param segment a segment the index lists
     * @return its path
     */
    public Path file(SegmentInfo segment) {
        return dir.resolve(segment.file());
    }

    /**
     * Deletes a segment file and its listing.
     *
     * @throws IOException when it cannot be deleted
     */
    public void delete(SegmentInfo segment) throws IOException {
        Files.deleteIfExists(file(segment));
        sql(() -> index.removeSegment(segment.file()));
        Path day = file(segment).getParent();
        try (Stream<Path> left = Files.list(day)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(day);
            }
        }
    }

    /**
     * Deletes the event journals of days before a date, and their events.
     *
     * @return how many journals were deleted
     * @throws IOException when one cannot be deleted
     */
    public int deleteJournalsBefore(LocalDate day) throws IOException {
        List<Path> old = new ArrayList<>();
        for (Path journal : list(dir.resolve(EVENTS), JOURNAL_SUFFIX)) {
            String name = journal.getFileName().toString();
            if (name.substring(0, name.length() - JOURNAL_SUFFIX.length()).compareTo(day.toString()) < 0) {
                old.add(journal);
            }
        }
        for (Path journal : old) {
            Files.deleteIfExists(journal);
            sql(() -> index.removeJournal(relative(dir, journal)));
        }
        return old.size();
    }

    @Override
    public void close() {
        closeQuietly(index);
    }

    private static void closeQuietly(RecordingIndex index) {
        try {
            index.close();
        } catch (SQLException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing the recording index failed", e);
        }
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Query<T> query) throws IOException {
        try {
            return query.run();
        } catch (SQLException e) {
            throw new IOException("recording index: " + e.getMessage(), e);
        }
    }

    private static void sql(RecordingIndex.SqlWork work) throws IOException {
        sql(() -> {
            work.run();
            return null;
        });
    }
}

package io.camstream.recording.store;

import io.camstream.recording.events.MotionEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One camera's index of segments and events, in SQLite (write-ahead log, so that a killed process leaves it as of
 * its last commit). The index only speeds things up: the segment files and event journals hold everything it holds,
 * and {@link CameraStore} rebuilds it from them when it is lost or damaged. A recording is the group of segments
 * with its number.
 * <p>
 * One connection, used by one thread at a time: the methods are synchronized.
 */
final class RecordingIndex implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(RecordingIndex.class.getName());
    static final String FILE = "index.db";
    private static final int SCHEMA = 1;

    private static final String RECORDINGS = """
            SELECT recording_id, min(kind), min(start_us), max(end_us), sum(frames), sum(bytes), count(*)
            FROM segments""";
    private static final String EVENTS = "SELECT id, start_us, end_us, peak_score, peak_us FROM events";

    private final Connection connection;

    private RecordingIndex(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the index in a directory, or makes a new one where there is none or it cannot be used (damaged, or
     * from a newer camstream); the old one is kept beside it as {@code index.db.damaged-<millis>}.
     *
     * @return the index, and whether it is new
     * @throws SQLException when not even a new index can be made
     */
    static Opened open(Path dir) throws SQLException {
        Path file = dir.resolve(FILE);
        boolean existed = Files.exists(file);
        if (existed) {
            try {
                return new Opened(connect(file, true), false);
            } catch (SQLException e) {
                LOGGER.log(System.Logger.Level.WARNING, "The recording index {0} cannot be used ({1}); it is kept as"
                        + " {2} and rebuilt from the segment files", file, e.getMessage(), setAside(file));
            }
        }
        return new Opened(connect(file, false), true);
    }

    /** An index just opened; a new one must be filled from the files. */
    record Opened(RecordingIndex index, boolean isNew) {
    }

    private static RecordingIndex connect(Path file, boolean check) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                if (check) {
                    try (ResultSet r = s.executeQuery("PRAGMA quick_check")) {
                        String result = r.next() ? r.getString(1) : "no answer";
                        if (!"ok".equals(result)) {
                            throw new SQLException("quick_check: " + result);
                        }
                    }
                    int version = userVersion(s);
                    if (version != SCHEMA) {
                        throw new SQLException("schema version " + version + ", expected " + SCHEMA);
                    }
                }
                s.execute("PRAGMA journal_mode = WAL");
                // NORMAL with WAL: a commit may be lost to a power cut, never to a killed process, and the
                // database stays consistent either way; the files hold what a lost commit had.
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS segments(file TEXT PRIMARY KEY, recording_id INTEGER NOT NULL,
                            kind TEXT NOT NULL, seq INTEGER NOT NULL, start_us INTEGER NOT NULL,
                            end_us INTEGER NOT NULL, frames INTEGER NOT NULL, bytes INTEGER NOT NULL)""");
                s.execute("CREATE INDEX IF NOT EXISTS segments_by_recording ON segments(recording_id, seq)");
                s.execute("CREATE INDEX IF NOT EXISTS segments_by_end ON segments(end_us)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, start_us INTEGER NOT NULL,
                            end_us INTEGER, peak_score REAL NOT NULL, peak_us INTEGER NOT NULL, thumbnail BLOB,
                            journal TEXT NOT NULL)""");
                s.execute("CREATE INDEX IF NOT EXISTS events_by_start ON events(start_us)");
                s.execute("CREATE TABLE IF NOT EXISTS journals(file TEXT PRIMARY KEY, bytes INTEGER NOT NULL)");
                s.execute("PRAGMA user_version = " + SCHEMA);
            }
            return new RecordingIndex(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static int userVersion(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    private static Path setAside(Path file) {
        Path aside = file.resolveSibling(FILE + ".damaged-" + System.currentTimeMillis());
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Path part = file.resolveSibling(FILE + suffix);
            try {
                if (Files.exists(part)) {
                    Files.move(part, aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Cannot move " + part + " aside", e);
            }
        }
        return aside;
    }

    synchronized void putSegment(SegmentInfo segment) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT OR REPLACE INTO segments(file, recording_id, kind, seq, start_us, end_us, frames, bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, segment.file());
            s.setLong(2, segment.recordingId());
            s.setString(3, segment.kind().label());
            s.setInt(4, segment.sequence());
            s.setLong(5, FrameRecord.micros(segment.start()));
            s.setLong(6, FrameRecord.micros(segment.end()));
            s.setLong(7, segment.frames());
            s.setLong(8, segment.bytes());
            s.executeUpdate();
        }
    }

    synchronized void removeSegment(String file) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM segments WHERE file = ?")) {
            s.setString(1, file);
            s.executeUpdate();
        }
    }

    /** @return every segment, oldest first */
    synchronized List<SegmentInfo> segments() throws SQLException {
        return segments("SELECT file, recording_id, kind, seq, start_us, end_us, frames, bytes FROM segments"
                + " ORDER BY end_us, file");
    }

    /** @return a recording's segments in order */
    synchronized List<SegmentInfo> segmentsOf(long recordingId) throws SQLException {
        return segments("SELECT file, recording_id, kind, seq, start_us, end_us, frames, bytes FROM segments"
                + " WHERE recording_id = " + recordingId + " ORDER BY seq");
    }

    private List<SegmentInfo> segments(String query) throws SQLException {
        List<SegmentInfo> list = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                list.add(new SegmentInfo(r.getString(1), r.getLong(2), kind(r.getString(3)), r.getInt(4),
                        FrameRecord.instant(r.getLong(5)), FrameRecord.instant(r.getLong(6)), r.getLong(7),
                        r.getLong(8)));
            }
        }
        return list;
    }

    /**
     * Recordings, newest first.
     *
     * @param beforeId only those with a smaller number; {@link Long#MAX_VALUE} for the newest
     * @param limit    at most this many
     */
    synchronized List<Recording> recordings(long beforeId, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECORDINGS
                + " WHERE recording_id < ? GROUP BY recording_id ORDER BY recording_id DESC LIMIT ?")) {
            s.setLong(1, beforeId);
            s.setInt(2, limit);
            return recordings(s);
        }
    }

    synchronized Optional<Recording> recording(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECORDINGS
                + " WHERE recording_id = ? GROUP BY recording_id")) {
            s.setLong(1, id);
            return recordings(s).stream().findFirst();
        }
    }

    /** @return the newest recording of a kind */
    synchronized Optional<Recording> latest(RecordingKind kind) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECORDINGS
                + " WHERE kind = ? GROUP BY recording_id ORDER BY recording_id DESC LIMIT 1")) {
            s.setString(1, kind.label());
            return recordings(s).stream().findFirst();
        }
    }

    /** @return the motion and continuous recordings whose frames span a time, newest first */
    synchronized List<Recording> recordingsAt(Instant time) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECORDINGS + " WHERE kind != 'timelapse'"
                + " GROUP BY recording_id HAVING min(start_us) <= ? AND max(end_us) >= ?"
                + " ORDER BY recording_id DESC")) {
            long at = FrameRecord.micros(time);
            s.setLong(1, at);
            s.setLong(2, at);
            return recordings(s);
        }
    }

    private static List<Recording> recordings(PreparedStatement s) throws SQLException {
        List<Recording> list = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                list.add(new Recording(r.getLong(1), kind(r.getString(2)), FrameRecord.instant(r.getLong(3)),
                        FrameRecord.instant(r.getLong(4)), r.getLong(5), r.getLong(6), r.getInt(7)));
            }
        }
        return list;
    }

    synchronized long maxRecordingId() throws SQLException {
        return maxOf("SELECT coalesce(max(recording_id), 0) FROM segments");
    }

    synchronized long maxEventId() throws SQLException {
        return maxOf("SELECT coalesce(max(id), 0) FROM events");
    }

    synchronized long totalBytes() throws SQLException {
        return maxOf("SELECT coalesce(sum(bytes), 0) FROM segments");
    }

    private long maxOf(String query) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    synchronized void putEvent(EventRecord record, String journal) throws SQLException {
        MotionEvent event = record.event();
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT OR REPLACE INTO events(id, start_us, end_us, peak_score, peak_us, thumbnail, journal)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, event.id());
            s.setLong(2, FrameRecord.micros(event.start()));
            if (event.end().isPresent()) {
                s.setLong(3, FrameRecord.micros(event.end().get()));
            } else {
                s.setNull(3, java.sql.Types.INTEGER);
            }
            s.setDouble(4, event.peakScore());
            s.setLong(5, FrameRecord.micros(event.peakTime()));
            s.setBytes(6, record.thumbnail().length == 0 ? null : record.thumbnail());
            s.setString(7, journal);
            s.executeUpdate();
        }
    }

    /**
     * Events, newest first.
     *
     * @param beforeId only those with a smaller number; {@link Long#MAX_VALUE} for the newest
     * @param limit    at most this many
     */
    synchronized List<MotionEvent> events(long beforeId, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(EVENTS + " WHERE id < ? ORDER BY id DESC LIMIT ?")) {
            s.setLong(1, beforeId);
            s.setInt(2, limit);
            return events(s);
        }
    }

    synchronized Optional<MotionEvent> event(long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(EVENTS + " WHERE id = ?")) {
            s.setLong(1, id);
            return events(s).stream().findFirst();
        }
    }

    /** @return the events that started within a span, oldest first */
    synchronized List<MotionEvent> eventsBetween(Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(EVENTS
                + " WHERE start_us >= ? AND start_us <= ? ORDER BY id")) {
            s.setLong(1, FrameRecord.micros(from));
            s.setLong(2, FrameRecord.micros(to));
            return events(s);
        }
    }

    private static List<MotionEvent> events(PreparedStatement s) throws SQLException {
        List<MotionEvent> list = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long end = r.getLong(3);
                Optional<Instant> ended = r.wasNull() ? Optional.empty() : Optional.of(FrameRecord.instant(end));
                list.add(new MotionEvent(r.getLong(1), FrameRecord.instant(r.getLong(2)), ended, r.getDouble(4),
                        FrameRecord.instant(r.getLong(5))));
            }
        }
        return list;
    }

    synchronized Optional<byte[]> thumbnail(long eventId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT thumbnail FROM events WHERE id = ?")) {
            s.setLong(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Forgets the events of a journal that is deleted. */
    synchronized void removeJournal(String journal) throws SQLException {
        try (PreparedStatement events = connection.prepareStatement("DELETE FROM events WHERE journal = ?");
             PreparedStatement journals = connection.prepareStatement("DELETE FROM journals WHERE file = ?")) {
            events.setString(1, journal);
            events.executeUpdate();
            journals.setString(1, journal);
            journals.executeUpdate();
        }
    }

    /** Notes how far a journal has been read into the index. */
    synchronized void putJournal(String journal, long bytes) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT OR REPLACE INTO journals(file, bytes) VALUES (?, ?)")) {
            s.setString(1, journal);
            s.setLong(2, bytes);
            s.executeUpdate();
        }
    }

    /** @return each journal the index has read, with its length then */
    synchronized Map<String, Long> journals() throws SQLException {
        Map<String, Long> journals = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT file, bytes FROM journals")) {
            while (r.next()) {
                journals.put(r.getString(1), r.getLong(2));
            }
        }
        return journals;
    }

    /** Runs several changes as one commit. */
    synchronized void inTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Changes to the index made together. */
    interface SqlWork {
        void run() throws SQLException;
    }

    private static RecordingKind kind(String label) throws SQLException {
        return RecordingKind.ofLabel(label).orElseThrow(() -> new SQLException("unknown recording kind " + label));
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}

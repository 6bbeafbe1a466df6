package io.camstream.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record of the JVM while open, with its message formatted. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level previous;

    public LogCapture() {
        Logger root = Logger.getLogger("");
        previous = root.getLevel();
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    public List<String> messages(Level atLeast) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= atLeast.intValue())
                .map(r -> new java.util.logging.SimpleFormatter().format(r))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        Logger.getLogger("").setLevel(previous);
    }
}

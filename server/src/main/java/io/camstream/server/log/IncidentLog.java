package io.camstream.server.log;

import io.camstream.core.text.Printable;
import io.camstream.core.time.Deadline;
import io.camstream.core.time.Deadlines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the log short under attack: the first {@link Incident} of a kind is logged at once, with where it came from;
 * the next ones are counted per source, and once per interval one line per kind sums them up ("412 requests aborted
 * in their headers in the last minute, from 127.0.0.2 (400), 127.0.0.3 (12)"). A kind that stays quiet for a whole
 * interval is logged at once again the next time. Never a stack trace, and at most two lines per kind and interval,
 * whatever the rate. The totals since start are kept for health and metrics.
 */
public final class IncidentLog implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(IncidentLog.class.getName());
    /** Sources named per kind and interval; the others are summed up as "others". */
    private static final int MAX_SOURCES = 32;
    private static final int SOURCES_SHOWN = 3;

    private final String interval;
    private final Map<Incident, Tally> tallies = new EnumMap<>(Incident.class);
    private final Map<Incident, AtomicLong> totals = new EnumMap<>(Incident.class);
    private final Deadline flush;

    /**
     * Starts summing up.
     *
     * @param deadlines runs the summary once per interval
     * @param interval  how often counted incidents are summed up
     */
    public IncidentLog(Deadlines deadlines, Duration interval) {
        this.interval = interval.equals(Duration.ofMinutes(1)) ? "minute" : interval.toSeconds() + " s";
        for (Incident kind : Incident.values()) {
            totals.put(kind, new AtomicLong());
        }
        this.flush = deadlines.every(interval, this::flush);
    }

    /**
     * Notes an incident.
     *
     * @param kind   what happened
     * @param source where from: a client address, or what the listener was told ("Too many open files")
     */
    public void report(Incident kind, String source) {
        totals.get(kind).incrementAndGet();
        String from = Printable.escape(source);
        boolean first;
        synchronized (tallies) {
            Tally tally = tallies.get(kind);
            first = tally == null;
            if (first) {
                tallies.put(kind, new Tally());
            } else {
                tally.add(from);
            }
        }
        if (first) {
            String one = kind.one();
            LOGGER.log(kind.level(), "{0}{1}, {2} {3} (more are counted and summed up once a {4})",
                    Character.toUpperCase(one.charAt(0)), one.substring(1), kind.source(), from, interval);
        }
    }

    /**
     * How many incidents of a kind there were since the start.
     *
     * @param kind the kind
     * @return the count
     */
    public long total(Incident kind) {
        return totals.get(kind).get();
    }

    /** Logs what was counted since the last summary, and forgets kinds that stayed quiet. */
    void flush() {
        List<String> lines = new ArrayList<>();
        List<System.Logger.Level> levels = new ArrayList<>();
        synchronized (tallies) {
            tallies.entrySet().removeIf(entry -> {
                Tally tally = entry.getValue();
                if (tally.count == 0) {
                    return true;
                }
                lines.add(tally.count + " " + (tally.count == 1 ? entry.getKey().one().replaceFirst("^an? ", "")
                        : entry.getKey().many())
                        + " in the last " + interval + ", " + entry.getKey().source() + " " + tally.sources());
                levels.add(entry.getKey().level());
                entry.setValue(new Tally());
                return false;
            });
        }
        for (int i = 0; i < lines.size(); i++) {
            LOGGER.log(levels.get(i), lines.get(i));
        }
    }

    /** Sums up what is still counted, and stops. */
    @Override
    public void close() {
        flush.close();
        flush();
    }

    /** One kind's incidents since the last summary, by source. */
    private static final class Tally {

        private final Map<String, Long> bySource = new LinkedHashMap<>();
        private long count;
        private long others;

        void add(String source) {
            count++;
            if (bySource.containsKey(source) || bySource.size() < MAX_SOURCES) {
                bySource.merge(source, 1L, Long::sum);
            } else {
                others++;
            }
        }

        String sources() {
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(bySource.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            StringBuilder text = new StringBuilder();
            long rest = others;
            for (int i = 0; i < sorted.size(); i++) {
                if (i < SOURCES_SHOWN) {
                    text.append(i == 0 ? "" : ", ").append(sorted.get(i).getKey())
                            .append(" (").append(sorted.get(i).getValue()).append(')');
                } else {
                    rest += sorted.get(i).getValue();
                }
            }
            return rest == 0 ? text.toString() : text + " and " + rest + " from elsewhere";
        }
    }
}

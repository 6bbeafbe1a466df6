package io.camstream.server.log;

import io.camstream.core.time.Deadlines;
import io.camstream.server.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentLogTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final AtomicLong clock = new AtomicLong();
    private final Deadlines deadlines = Deadlines.manual(clock::get);

    @Test
    void theFirstIsLoggedAtOnceAndThousandsMoreMakeOneSummaryLineAMinute() {
        try (LogCapture logs = new LogCapture(); IncidentLog incidents = new IncidentLog(deadlines, MINUTE)) {
            for (int i = 0; i < 5_000; i++) {
                incidents.report(Incident.ABORTED_HEAD, i % 10 == 9 ? "127.0.0.3" : "127.0.0.2");
            }
            assertThat(lines(logs)).singleElement().asString()
                    .contains("A request aborted in its headers, from 127.0.0.2 (more are counted and summed up "
                            + "once a minute)");
            minutePasses();
            assertThat(lines(logs)).hasSize(2).last().asString()
                    .contains("4999 requests aborted in their headers in the last minute, from 127.0.0.2 (4499), "
                            + "127.0.0.3 (500)");
            assertThat(incidents.total(Incident.ABORTED_HEAD)).isEqualTo(5_000);
        }
    }

    @Test
    void aKindThatStaysQuietForAMinuteIsLoggedAtOnceAgain() {
        try (LogCapture logs = new LogCapture(); IncidentLog incidents = new IncidentLog(deadlines, MINUTE)) {
            incidents.report(Incident.SLOW_HEAD, "127.0.0.2");
            minutePasses();
            minutePasses();
            incidents.report(Incident.SLOW_HEAD, "127.0.0.4");
            assertThat(lines(logs)).hasSize(2).allMatch(line -> line.contains("A connection closed for sending no "
                    + "complete request head within header-read-timeout"));
        }
    }

    @Test
    void kindsAreSummedUpApartAndBeyondThreeSourcesTheRestIsCounted() {
        try (LogCapture logs = new LogCapture(); IncidentLog incidents = new IncidentLog(deadlines, MINUTE)) {
            incidents.report(Incident.BAD_METHOD, "first");
            for (int i = 0; i < 100; i++) {
                incidents.report(Incident.BAD_METHOD, "10.0.0." + i);
            }
            incidents.report(Incident.ACCEPT_FAILED, "Too many open files");
            incidents.report(Incident.ACCEPT_FAILED, "Too many open files");
            minutePasses();
            assertThat(lines(logs)).hasSize(4)
                    .anyMatch(line -> line.contains("100 requests with a method HTTP does not allow (answered 400) in "
                            + "the last minute, from ") && line.contains(" and 97 from elsewhere"))
                    .anyMatch(line -> line.contains("1 failure to accept a connection (camstream backs off and closes "
                            + "idle connections) in the last minute, because of Too many open files (1)"));
        }
    }

    @Test
    void sourcesAreEscaped() {
        try (LogCapture logs = new LogCapture(); IncidentLog incidents = new IncidentLog(deadlines, MINUTE)) {
            incidents.report(Incident.LEFT_EARLY, "upstream\u001b[2J\nforged line");
            assertThat(lines(logs)).singleElement().asString().contains("upstream\\x1b[2J\\nforged line")
                    .doesNotContain("\u001b");
        }
    }

    @Test
    void closingSumsUpWhatIsStillCounted() {
        LogCapture logs = new LogCapture();
        try (logs) {
            IncidentLog incidents = new IncidentLog(deadlines, MINUTE);
            incidents.report(Incident.EVICTED, "127.0.0.2");
            incidents.report(Incident.EVICTED, "127.0.0.2");
            incidents.close();
            assertThat(lines(logs)).last().asString().contains("1 idle connection closed to make room for a new one in "
                    + "the last minute, from 127.0.0.2 (1)");
        }
    }

    private void minutePasses() {
        clock.addAndGet(MINUTE.toNanos());
        deadlines.check();
    }

    private static List<String> lines(LogCapture logs) {
        return logs.messages(Level.INFO).stream().filter(line -> line.contains(IncidentLog.class.getName())).toList();
    }
}

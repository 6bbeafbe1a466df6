package io.camstream.bench.client;

import io.camstream.bench.report.Samples;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TimedViewerWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void countsOnlyTheFramesInsideTheWindowAndTheLongestWaitIncludesItsEdges() {
        Samples arrivals = arrivals(100, 1_050, 1_090, 1_400, 1_900, 2_100);

        TimedViewer.FrameWindow window = TimedViewer.FrameWindow.of(arrivals, 1_000 * MS, 2_000 * MS);

        assertThat(window.frames()).isEqualTo(4);
        assertThat(window.fps()).isEqualTo(4.0);
        assertThat(window.longestGap()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWindowWithoutFramesWaitedItsWholeLength() {
        TimedViewer.FrameWindow window = TimedViewer.FrameWindow.of(arrivals(100, 2_500), 1_000 * MS, 2_000 * MS);

        assertThat(window.frames()).isZero();
        assertThat(window.longestGap()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theWaitAfterTheLastFrameCountsToo() {
        TimedViewer.FrameWindow window = TimedViewer.FrameWindow.of(arrivals(1_000, 1_100, 1_200), 1_000 * MS,
                2_000 * MS);

        assertThat(window.longestGap()).isEqualTo(Duration.ofMillis(800));
    }

    private static Samples arrivals(long... millis) {
        Samples samples = new Samples();
        for (long ms : millis) {
            samples.add(ms * MS);
        }
        return samples;
    }
}

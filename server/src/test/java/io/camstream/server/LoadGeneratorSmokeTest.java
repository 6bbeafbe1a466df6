package io.camstream.server;

import io.camstream.bench.client.LoadGenerator;
import io.camstream.bench.client.LoadOptions;
import io.camstream.bench.report.LoadResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's load generator reads camstream's streams: a smoke run, not a measurement. Speed is judged by
 * {@code bench/run.sh}, never here.
 */
class LoadGeneratorSmokeTest {

    @Test
    void twentyViewersReceiveValidFramesForFiveSeconds() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 640, 480, 15)) {
            LoadOptions options = new LoadOptions(server.uri("/video_feed"), 20, Duration.ofSeconds(1),
                    Duration.ofSeconds(5), 0, 100, OptionalLong.empty(), 2, true);

            LoadResult result = new LoadGenerator(options).run();

            assertThat(result.errors()).as("connection errors").isEmpty();
            assertThat(result.invalidFrames()).as("frames without SOI and EOI").isZero();
            assertThat(result.fps().count()).as("viewers measured").isEqualTo(20);
            assertThat(result.fps().min()).as("frames per second of the viewer that got fewest").isPositive();
            assertThat(result.distinctFrames()).as("different frames sent").isPositive();
        }
    }
}

package io.camstream.bench.client;

import io.camstream.bench.frames.FrameOptions;
import io.camstream.bench.frames.NoisyFrames;
import io.camstream.bench.reference.ReferenceOptions;
import io.camstream.bench.reference.ReferenceServer;
import io.camstream.bench.report.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoadAgainstReferenceTest {

    @Test
    void everyViewerReceivesOnlyValidFramesFromTheReferenceServer(@TempDir Path frames) throws Exception {
        NoisyFrames.write(new FrameOptions(frames, 3, 160, 120, 4));
        try (ReferenceServer server = ReferenceServer.start(new ReferenceOptions("127.0.0.1", 0, frames, 30, 0))) {
            URI url = URI.create("http://127.0.0.1:" + server.address().getPort() + "/stream");
            LoadOptions options = new LoadOptions(url, 20, Duration.ofMillis(500), Duration.ofMillis(2500), 2, 20,
                    OptionalLong.of(ProcessHandle.current().pid()), 2, true);

            LoadResult result = new LoadGenerator(options).run();

            assertThat(result.errors()).isEmpty();
            assertThat(result.frames()).isPositive();
            assertThat(result.invalidFrames()).isZero();
            assertThat(result.fps().count()).isEqualTo(18);
            assertThat(result.fps().min()).isPositive();
            assertThat(result.slowFps().count()).isEqualTo(2);
            assertThat(result.slowFps().min()).isPositive();
            assertThat(result.ageMillis().count() + result.slowAgeMillis().count()).isEqualTo((int) result.frames());
            assertThat(result.distinctFrames()).isPositive().isLessThanOrEqualTo((int) result.frames());
            assertThat(result.server()).hasValueSatisfying(usage -> {
                assertThat(usage.threads()).isPositive();
                assertThat(usage.rssEndMiB()).isPositive();
            });
        }
    }
}

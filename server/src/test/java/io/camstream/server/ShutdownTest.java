package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownTest {

    @Test
    void closingTheServerStopsCapturesAndEndsOpenStreams() throws Exception {
        RunningServer server = RunningServer.simCamera("default", 160, 120, 30);
        InputStream body = Http.stream(server.uri("/video_feed")).body();
        new MjpegReader(body, MjpegFormat.BOUNDARY).next();
        CompletableFuture<Long> drained = Http.drain(body);
        long start = System.nanoTime();
        server.close();
        drained.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.server().cameras().defaultCamera().capturing()).isFalse();
    }
}

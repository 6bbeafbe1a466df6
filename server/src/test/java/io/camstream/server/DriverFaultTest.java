package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.fanout.CameraStats;
import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of driver failure is contained: viewers keep a working stream of whole JPEGs (the last good frame or
 * NO SIGNAL), bad frames are counted and dropped, the driver is restarted, and the feed's health says why.
 */
class DriverFaultTest {

    private static final String[] FAULTS = {"throws-on-start", "throws-mid-stream", "hangs", "not-jpeg", "truncated",
            "huge", "too-fast"};
    private static RunningServer server;

    @BeforeAll
    static void start() {
        StringBuilder yaml = new StringBuilder("camstream:\n  cameras:\n");
        for (String fault : FAULTS) {
            yaml.append("""
                        - name: %s
                          driver: faulty
                          fault: %s
                          width: 64
                          height: 48
                          frame-timeout: 500ms
                    """.formatted(fault, fault));
        }
        server = RunningServer.start(yaml.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "throws-on-start   | sensor not found        | false",
            "throws-mid-stream | USB device disconnected | false",
            "hangs             | no frame from the camera for 500 ms | false",
            "not-jpeg          | no SOI marker           | true",
            "truncated         | no EOI marker           | true",
            "huge              | exceeds max-frame-bytes | true"})
    void faultIsContainedCountedAndExplained(String fault, String reason, boolean rejects) throws Exception {
        CameraFeed camera = server.server().cameras().find(fault).orElseThrow();
        try (InputStream body = Http.stream(server.uri("/cameras/" + fault + "/stream")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            awaitStats(camera, stats -> stats.driverRestarts() >= 1, reader);
            for (int i = 0; i < 3; i++) {
                byte[] jpeg = reader.next().body();
                assertThat(jpeg).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
                assertThat(jpeg.length).isLessThan(8 * 1024 * 1024);
            }
        }
        CameraStats stats = camera.stats();
        String explained = stats.lastError().map(CameraStats.Failure::message).orElse("") + " "
                + stats.lastRejection().map(CameraStats.Failure::message).orElse("");
        assertThat(explained).contains(reason);
        assertThat(Http.getText(server.uri("/api/cameras/" + fault)).body()).as("the state API").contains(reason);
        assertThat(stats.framesRejected() > 0).as("frames rejected: %d", stats.framesRejected()).isEqualTo(rejects);
    }

    @Test
    void driverFasterThanConfiguredOnlyGivesViewersTheNewestFrames() throws Exception {
        CameraFeed camera = server.server().cameras().find("too-fast").orElseThrow();
        try (InputStream body = Http.stream(server.uri("/cameras/too-fast/stream")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            for (int i = 0; i < 50; i++) {
                assertThat(reader.next().body()).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
            }
        }
        assertThat(Http.get(server.uri("/cameras/too-fast/snapshot")).statusCode()).isEqualTo(200);
        assertThat(Http.get(server.uri("/")).statusCode()).isEqualTo(200);
        assertThat(camera.stats().driverRestarts()).isZero();
    }

    /** Reads frames while waiting, so the stream is watched the whole time. */
    private static void awaitStats(CameraFeed camera, Predicate<CameraStats> condition, MjpegReader reader)
            throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.test(camera.stats())) {
            assertThat(System.nanoTime()).as("figures of %s", camera.name()).isLessThan(deadline);
            byte[] jpeg = reader.next().body();
            assertThat(jpeg).startsWith(0xFF, 0xD8).endsWith(0xFF, 0xD9);
        }
    }
}

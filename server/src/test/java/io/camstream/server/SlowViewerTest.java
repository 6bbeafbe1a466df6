package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A viewer that stops reading must not slow down anyone else. */
class SlowViewerTest {

    private static final int FPS = 25;

    @Test
    void viewerReadingNothingForFiveSecondsDoesNotLowerAnotherViewersFrameRate() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 640, 480, FPS);
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            OutputStream request = stalled.getOutputStream();
            request.write("GET /video_feed HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();

            try (InputStream body = Http.stream(server.uri("/video_feed")).body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                reader.next(); // the stream is running
                Duration window = Duration.ofSeconds(5);
                long end = System.nanoTime() + window.toNanos();
                int frames = 0;
                while (System.nanoTime() < end) {
                    reader.next();
                    frames++;
                }
                double fps = frames / (double) window.toSeconds();
                assertThat(fps).as("frames per second of the reading viewer").isGreaterThan(FPS * 0.8);
            }
            assertThat(server.server().cameras().defaultCamera().viewerCount()).isGreaterThanOrEqualTo(1);
        }
    }
}

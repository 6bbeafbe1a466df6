package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A viewer that stops reading is cut off after viewer-write-timeout, and nobody else notices. */
class StalledViewerTest {

    private static final int FPS = 25;
    private static final long TIMEOUT_MS = 2_000;

    @Test
    void viewerThatNeverReadsIsDroppedWithinTheTimeoutPlusTwoSecondsWhileAnotherKeepsItsFrameRate()
            throws Exception {
        // Small fixed socket buffers (no auto-tuning) so that a write blocks soon after the client stops reading.
        try (RunningServer server = RunningServer.start("""
                  connection-options:
                    socket-send-buffer-size: 16384
                """, """
                camstream:
                  viewer-write-timeout: %dms
                  cameras:
                    - name: default
                      driver: sim
                      width: 1280
                      height: 720
                      fps: %d
                """.formatted(TIMEOUT_MS, FPS));
             Socket stalled = new Socket()) {
            CameraFeed camera = server.server().cameras().defaultCamera();
            List<Long> frameTimes = new ArrayList<>();
            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicReference<Throwable> readerFailure = new AtomicReference<>();
            Thread healthy = Thread.ofVirtual().start(() -> readFrames(server, frameTimes, reading, readerFailure));

            while (frameCount(frameTimes) < 5) {
                Thread.sleep(5); // the camera runs
            }
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream request = stalled.getOutputStream();
            request.write("GET /video_feed HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream in = stalled.getInputStream();
            in.readNBytes(200); // the headers; from now on this client reads nothing
            long stallStart = System.nanoTime();
            awaitViewers(camera, 1, 30_000);
            long dropMillis = (System.nanoTime() - stallStart) / 1_000_000;
            Thread.sleep(1_000); // the reading viewer goes on after the drop, too

            assertThat(dropMillis).as("ms from the last read to the disconnection").isLessThan(TIMEOUT_MS + 2_000);
            reading.set(false);
            healthy.join();
            assertThat(readerFailure.get()).isNull();
            double seconds = (frameTimes.getLast() - frameTimes.getFirst()) / 1e9;
            assertThat((frameTimes.size() - 1) / seconds).as("frame rate of the reading viewer").isGreaterThan(FPS * 0.8);
        }
    }

    private static int frameCount(List<Long> times) {
        synchronized (times) {
            return times.size();
        }
    }

    private static void readFrames(RunningServer server, List<Long> times, AtomicBoolean reading,
                                   AtomicReference<Throwable> failure) {
        try (InputStream body = Http.stream(server.uri("/video_feed")).body()) {
            MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
            reader.next();
            while (reading.get()) {
                reader.next();
                synchronized (times) {
                    times.add(System.nanoTime());
                }
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }

    private static void awaitViewers(CameraFeed camera, int count, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (camera.viewerCount() > count) {
            assertThat(System.nanoTime()).as("viewers fell to %d within %d ms", count, millis).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording onto a real, small file system (a 16 MB tmpfs, mounted for the test as root) until it is full: recording
 * stops and says so once, the live stream goes on, and recording resumes once space is freed.
 */
class FullDiskTest {

    @TempDir
    Path dir;
    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        Tools.require(mount.waitFor() == 0, "a small file system for this test needs 'mount -t tmpfs' as root: "
                + said.strip());
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFullDiskStopsRecordingOnceWithoutStoppingTheStreamAndFreedSpaceResumesIt() throws Exception {
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[10_000_000]);
        try (LogCapture log = new LogCapture();
             RunningServer server = RunningServer.start("""
                     camstream:
                       cameras:
                         - name: desk
                           driver: sim
                           width: 640
                           height: 480
                           fps: 30
                           recording:
                             mode: continuous
                             dir: %s
                             min-free: 0
                     """.formatted(disk.resolve("desk")))) {
            HttpResponse<InputStream> live = Http.stream(server.uri("/cameras/desk/stream"));
            AtomicLong watched = new AtomicLong();
            try (InputStream body = live.body()) {
                Thread viewer = Thread.ofVirtual().start(() -> watch(body, watched));
                Await.until("recording to stop", Duration.ofSeconds(30), () -> recording(server)
                        .getString("state").equals("stopped"));
                assertThat(recording(server).getString("stopped-because")).startsWith("the disk is full");
                HttpResponse<String> health = Http.getText(server.uri("/observe/health"));
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"name\":\"recording-desk\",\"status\":\"DOWN\"")
                        .contains("\"name\":\"camera-desk\",\"status\":\"UP\"");

                long captured = capturedFrames(server);
                long seen = watched.get();
                Thread.sleep(2000);
                long stillRecorded = recording(server).getJsonNumber("frames-recorded").longValue();
                assertThat(capturedFrames(server)).as("the camera goes on").isGreaterThan(captured + 30);
                assertThat(watched.get()).as("and its viewer sees it").isGreaterThan(seen + 30);
                assertThat(recording(server).getJsonNumber("frames-not-recorded").longValue()).isGreaterThan(30);
                assertThat(log.messages(Level.WARNING)).filteredOn(m -> m.contains("stops recording")).hasSize(1);

                Files.delete(filler);
                Await.until("recording to resume", Duration.ofSeconds(15), () -> !recording(server)
                        .getString("state").equals("stopped"));
                Await.until("frames recorded again", Duration.ofSeconds(15), () -> recording(server)
                        .getJsonNumber("frames-recorded").longValue() > stillRecorded + 10);
                assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("Camera desk records again"));
                assertThat(viewer.isAlive()).as("the stream never ended").isTrue();
            }
        }
    }

    private static void watch(InputStream body, AtomicLong frames) {
        MjpegReader stream = new MjpegReader(body, MjpegFormat.BOUNDARY);
        try {
            while (true) {
                stream.next();
                frames.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            // the test closed the stream
        }
    }

    private static JsonObject recording(RunningServer server) {
        return camera(server).getJsonObject("recording");
    }

    private static long capturedFrames(RunningServer server) {
        return camera(server).getJsonNumber("frames-captured").longValue();
    }

    private static JsonObject camera(RunningServer server) {
        try {
            String body = Http.getText(server.uri("/api/cameras/desk")).body();
            return Json.createReader(new StringReader(body)).readObject();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

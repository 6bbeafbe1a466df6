package io.camstream.server;

import io.camstream.recording.store.SegmentReader;
import io.camstream.recording.store.StoredFrame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged server killed with SIGKILL while it records, then started again. */
class RecordingDistributionIT {

    @TempDir
    Path dir;

    @Test
    void killedWhileRecordingEverySegmentStaysReadableAndIsListedAfterARestart() throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("application.yaml");
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                camstream:
                  drivers-dir: %s
                  data-dir: %s
                  cameras:
                    - name: desk
                      driver: sim
                      width: 640
                      height: 480
                      fps: 30
                      recording:
                        mode: continuous
                        max-bytes: 10MB
                        min-free: 0
                """.formatted(Distribution.home().resolve("drivers"), data));
        Path segments = data.resolve("desk/segments");

        try (Distribution.Launched first = Distribution.launch(config)) {
            int port = first.awaitPort();
            Await.until("three segments written", Duration.ofSeconds(60), () -> segmentFiles(segments).size() >= 3);
            assertThat(recordings(port)).isNotEmpty();
            first.process.destroyForcibly(); // SIGKILL, in the middle of a frame or between two
            assertThat(first.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        // What the files hold, read as they were left: every frame listed reads back whole.
        Map<Long, Long> framesByRecording = new TreeMap<>();
        for (Path file : segmentFiles(segments)) {
            try (SegmentReader reader = SegmentReader.open(file)) {
                var frames = reader.frames();
                assertThat(frames).as("frames of %s", file).isNotEmpty();
                for (StoredFrame frame : frames) {
                    assertThat(reader.read(frame)).as("frame %d of %s", frame.sequence(), file).isPresent();
                }
                long recording = Long.parseLong(file.getFileName().toString().substring(0, 8));
                framesByRecording.merge(recording, (long) frames.size(), Long::sum);
            }
        }

        try (Distribution.Launched second = Distribution.launch(config)) {
            int port = second.awaitPort();
            Map<Long, Long> listed = recordings(port).entrySet().stream()
                    .filter(e -> framesByRecording.containsKey(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
            assertThat(listed).as("recordings of the killed run, frames each").isEqualTo(framesByRecording);
            assertThat(second.output()).doesNotContain("cannot be used").doesNotContain("rebuilt");
            second.terminate();
            assertThat(second.awaitExit()).isZero();
        }
    }

    private static java.util.List<Path> segmentFiles(Path segments) {
        if (!Files.isDirectory(segments)) {
            return java.util.List.of();
        }
        try (var files = Files.walk(segments)) {
            return files.filter(f -> f.toString().endsWith(".cseg")).sorted().toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return java.util.List.of();
        }
    }

    /** Recording number to frames, as the API lists them. */
    private static Map<Long, Long> recordings(int port) throws Exception {
        String body = Http.getText(URI.create("http://127.0.0.1:" + port + "/api/cameras/desk/recordings?limit=500"))
                .body();
        JsonObject page = Json.createReader(new StringReader(body)).readObject();
        return page.getJsonArray("recordings").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> (long) r.getInt("id"), r -> (long) r.getInt("frames")));
    }
}

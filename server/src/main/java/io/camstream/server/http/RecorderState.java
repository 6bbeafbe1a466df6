package io.camstream.server.http;

import io.camstream.recording.detection.DetectionStats;
import io.camstream.recording.record.CameraRecorder;
import io.camstream.recording.record.RecorderStats;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.Optional;

/** A camera's detection and recording as the state API shows them. */
final class RecorderState {

    private RecorderState() {
    }

    static JsonObjectBuilder motion(Optional<CameraRecorder> recorder) {
        boolean enabled = recorder.map(r -> r.settings().motion().enabled()).orElse(false);
        JsonObjectBuilder json = Json.createObjectBuilder().add("enabled", enabled);
        if (!enabled) {
            return json;
        }
        DetectionStats stats = recorder.get().detection();
        return json.add("in-event", stats.inEvent())
                .add("events", stats.events())
                .add("frames-analysed", stats.framesAnalysed())
                .add("frames-skipped", stats.framesSkipped())
                .add("frames-undecodable", stats.framesUndecodable())
                .add("light-switches", stats.lightSwitches())
                .add("last-score", Math.round(stats.lastScore() * 10000) / 10000.0)
                .add("hook-failures", recorder.get().hookFailures());
    }

    static JsonObjectBuilder recording(Optional<CameraRecorder> recorder) {
        if (recorder.isEmpty()) {
            return Json.createObjectBuilder().add("mode", "off").add("state", "off");
        }
        CameraRecorder r = recorder.get();
        RecorderStats stats = r.stats();
        JsonArrayBuilder open = Json.createArrayBuilder();
        r.openRecordings().stream().sorted().forEach(open::add);
        Optional<String> stopped = r.stopReason();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("mode", r.settings().recording().mode().label())
                .add("timelapse", r.settings().timelapse().enabled())
                .add("state", stopped.isPresent() ? "stopped" : r.openRecordings().isEmpty() ? "waiting" : "recording");
        stopped.ifPresentOrElse(reason -> json.add("stopped-because", reason), () -> json.addNull("stopped-because"));
        return json.add("dir", r.settings().recording().dir().toAbsolutePath().toString())
                .add("open-recordings", open)
                .add("recordings-started", stats.recordings())
                .add("frames-recorded", stats.framesRecorded())
                .add("bytes-recorded", stats.bytesRecorded())
                .add("frames-dropped", r.framesDropped())
                .add("frames-not-recorded", stats.framesNotRecorded())
                .add("bytes-deleted", stats.bytesDeleted());
    }
}

package io.camstream.server.observe;

import io.camstream.recording.record.CameraRecorder;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness of a camera's recording: down while it is stopped for lack of space or a failing disk. */
final class RecordingHealth implements HealthCheck {

    private final CameraRecorder recorder;

    RecordingHealth(CameraRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "recording-" + recorder.camera();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse.Builder response = HealthCheckResponse.builder()
                .status(recorder.stopReason().isEmpty())
                .detail("mode", recorder.settings().recording().mode().label())
                .detail("framesRecorded", recorder.stats().framesRecorded())
                .detail("framesDropped", recorder.framesDropped());
        recorder.stopReason().ifPresent(reason -> response.detail("stoppedBecause", reason));
        return response.build();
    }
}

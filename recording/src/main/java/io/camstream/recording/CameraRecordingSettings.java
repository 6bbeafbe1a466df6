package io.camstream.recording;

import io.camstream.recording.detection.MotionSettings;
import io.camstream.recording.hooks.HookSettings;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.util.Set;

/**
 * Everything a camera's node says about detection, recording and timelapse: its {@code motion}, {@code recording}
 * and {@code timelapse} sections, each checked for unknown keys.
 *
 * @param motion    detection
 * @param hooks     what runs on events
 * @param recording what and where is recorded
 * @param timelapse the timelapse
 */
public record CameraRecordingSettings(MotionSettings motion, HookSettings hooks, RecordingSettings recording,
                                      TimelapseSettings timelapse) {

    /** The keys these sections take in a camera's node, beside the driver's and the feed's. */
    public static final Set<String> CAMERA_KEYS = Set.of("motion", "recording", "timelapse");

    /**
     * Reads a camera's sections.
     *
     * @param camera  the camera's node
     * @param name    the camera's name
     * @param dataDir where cameras record by default, each in a directory of its name
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is wrong or a key unknown
     */
    public static CameraRecordingSettings from(Config camera, String name, Path dataDir) {
        Config motion = camera.get("motion");
        Config recording = camera.get("recording");
        Config timelapse = camera.get("timelapse");
        ConfigValues.requireKnownKeys(motion, "motion", MotionSettings.KEYS);
        ConfigValues.requireKnownKeys(recording, "recording", RecordingSettings.KEYS);
        ConfigValues.requireKnownKeys(timelapse, "timelapse", TimelapseSettings.KEYS);
        CameraRecordingSettings settings = new CameraRecordingSettings(MotionSettings.from(motion),
                HookSettings.from(motion), RecordingSettings.from(recording, dataDir.resolve(name)),
                TimelapseSettings.from(timelapse));
        if (settings.recording().mode() == RecordingMode.MOTION && !settings.motion().enabled()) {
            throw ConfigValues.error(recording, "mode", "motion", "needs motion detection",
                    "set motion.enabled: true as well, or mode: continuous");
        }
        return settings;
    }

    /** @return whether anything runs for this camera beyond its live viewers */
    public boolean active() {
        return motion.enabled() || recording.mode() != RecordingMode.OFF || timelapse.enabled();
    }
}

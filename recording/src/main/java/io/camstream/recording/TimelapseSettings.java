package io.camstream.recording;

import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.time.Duration;
import java.util.Set;

/**
 * A camera's timelapse, from its {@code timelapse} section: one frame per interval kept in a recording per day,
 * played back at its own frame rate.
 *
 * @param interval one frame is kept per interval; zero for no timelapse
 * @param fps      frames per second when played or exported
 */
public record TimelapseSettings(Duration interval, int fps) {

    /** The keys of a camera's {@code timelapse} section. */
    public static final Set<String> KEYS = Set.of("interval", "fps");

    /**
     * Reads a {@code timelapse} section.
     *
     * @param timelapse the section; it need not exist
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is wrong
     */
    public static TimelapseSettings from(Config timelapse) {
        Duration interval = ConfigValues.durationValue(timelapse, "interval", Duration.ZERO, Duration.ZERO,
                Duration.ofDays(1));
        if (!interval.isZero() && interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw ConfigValues.error(timelapse, "interval", interval.toMillis() + "ms", "is too short",
                    "0 (off), or 100ms to 1d");
        }
        return new TimelapseSettings(interval, ConfigValues.intValue(timelapse, "fps", 30, 1, 120));
    }

    /** @return whether a timelapse is kept */
    public boolean enabled() {
        return !interval.isZero();
    }
}

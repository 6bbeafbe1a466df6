package io.camstream.recording;

import io.camstream.recording.config.SettingValues;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What and where a camera records, from its {@code recording} section.
 *
 * @param mode        off, around motion events, or all the time
 * @param preCapture  how much before an event's start a motion recording begins (held in memory meanwhile)
 * @param postCapture how long after an event's last motion a motion recording goes on
 * @param dir         the camera's recording directory
 * @param maxAge      recordings and events older than this are deleted
 * @param maxBytes    the most bytes the camera's segment files may take, oldest deleted first; 0 for no quota
 * @param minFree     recording stops while the file system has less free space than this
 */
public record RecordingSettings(RecordingMode mode, Duration preCapture, Duration postCapture, Path dir,
                                Duration maxAge, long maxBytes, long minFree) {

    /** The keys of a camera's {@code recording} section. */
    public static final Set<String> KEYS = Set.of("mode", "pre-capture", "post-capture", "dir", "max-age",
            "max-bytes", "min-free");

    /** The smallest quota: ten segments of at least 64 KiB. */
    static final long MIN_QUOTA = 10 * SegmentSizes.MIN_SEGMENT;

    /**
     * Reads a {@code recording} section.
     *
     * @param recording  the section; it need not exist
     * @param defaultDir where the camera records when {@code dir} is not set
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is wrong
     */
    public static RecordingSettings from(Config recording, Path defaultDir) {
        String mode = ConfigValues.choiceValue(recording, "mode", "off", Set.of("off", "motion", "continuous"));
        long maxBytes = SettingValues.bytes(recording, "max-bytes", 0);
        if (maxBytes != 0 && maxBytes < MIN_QUOTA) {
            throw ConfigValues.error(recording, "max-bytes", ConfigValues.stringValue(recording, "max-bytes")
                    .orElse(""), "is too small", "0 (no quota) or at least " + MIN_QUOTA + " bytes");
        }
        return new RecordingSettings(
                RecordingMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                ConfigValues.durationValue(recording, "pre-capture", Duration.ofSeconds(5), Duration.ZERO,
                        Duration.ofMinutes(1)),
                ConfigValues.durationValue(recording, "post-capture", Duration.ofSeconds(10), Duration.ZERO,
                        Duration.ofHours(1)),
                ConfigValues.stringValue(recording, "dir").map(Path::of).orElse(defaultDir),
                ConfigValues.durationValue(recording, "max-age", Duration.ofDays(7), Duration.ofMinutes(1),
                        Duration.ofDays(3650)),
                maxBytes,
                SettingValues.bytes(recording, "min-free", 1_000_000_000L));
    }

    /** @return the largest segment file: a tenth of the quota, so that deleting whole segments keeps within it */
    public long segmentBytes() {
        return SegmentSizes.segmentBytes(maxBytes);
    }

    /** @return how long a segment file runs before the next begins */
    public java.time.Duration segmentLength() {
        return SegmentSizes.SEGMENT_LENGTH;
    }
}

package io.camstream.recording.detection;

import io.camstream.recording.config.SettingValues;
import io.camstream.spi.ConfigValues;
import io.helidon.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a camera's pictures are watched for motion, from its {@code motion} section.
 *
 * @param enabled     whether detection runs
 * @param width       the width of the luminance picture analysed, in samples
 * @param noise       a sample must change by more than this (0 to 255) to count as changed
 * @param despeckle   whether changed samples with fewer than two changed neighbours are dropped
 * @param threshold   the share of the unmasked picture that must change for a frame to have motion
 * @param lightSwitch a frame where at least this share changed is a change of light, not motion
 * @param minFrames   consecutive analysed frames with motion that start an event
 * @param eventGap    an event ends when no analysed frame had motion for this long
 * @param masks       areas to ignore
 */
public record MotionSettings(boolean enabled, int width, int noise, boolean despeckle, double threshold,
                             double lightSwitch, int minFrames, Duration eventGap, List<MaskArea> masks) {

    /** The keys of a camera's {@code motion} section. */
    public static final Set<String> KEYS = Set.of("enabled", "width", "noise", "despeckle", "threshold",
            "light-switch", "min-frames", "event-gap", "mask", "on-event-start", "on-event-end", "hook-method",
            "hook-timeout");

    /**
     * Reads a {@code motion} section.
     *
     * @param motion the section; it need not exist
     * @return the settings
     * @throws io.camstream.spi.CameraConfigException when a value is wrong
     */
    public static MotionSettings from(Config motion) {
        return new MotionSettings(
                ConfigValues.booleanValue(motion, "enabled", false),
                ConfigValues.intValue(motion, "width", 160, 32, 640),
                ConfigValues.intValue(motion, "noise", 20, 1, 254),
                ConfigValues.booleanValue(motion, "despeckle", true),
                SettingValues.share(motion, "threshold", 0.01, 0.0001, 1),
                lightSwitch(motion),
                ConfigValues.intValue(motion, "min-frames", 3, 1, 1000),
                ConfigValues.durationValue(motion, "event-gap", Duration.ofSeconds(10), Duration.ZERO,
                        Duration.ofHours(1)),
                masks(motion));
    }

    private static double lightSwitch(Config motion) {
        if (ConfigValues.stringValue(motion, "light-switch").filter("off"::equals).isPresent()) {
            return Double.POSITIVE_INFINITY;
        }
        return SettingValues.share(motion, "light-switch", 0.6, 0.01, 1);
    }

    private static List<MaskArea> masks(Config motion) {
        List<MaskArea> masks = new ArrayList<>();
        List<String> entries = SettingValues.list(motion, "mask");
        boolean list = motion.get("mask").type() == Config.Type.LIST;
        for (int i = 0; i < entries.size(); i++) {
            masks.add(list ? mask(motion.get("mask"), Integer.toString(i), entries.get(i))
                    : mask(motion, "mask", entries.get(i)));
        }
        return List.copyOf(masks);
    }

    private static MaskArea mask(Config list, String key, String text) {
        String allowed = "x, y, width, height as fractions of the picture from its top left, such as"
                + " '0, 0, 1, 0.1' for the top tenth";
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw ConfigValues.error(list, key, text, "is not a rectangle", allowed);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ConfigValues.error(list, key, text, "is not a rectangle", allowed);
            }
        }
        if (!(v[0] >= 0 && v[1] >= 0 && v[2] > 0 && v[3] > 0 && v[0] + v[2] <= 1 + 1e-9 && v[1] + v[3] <= 1 + 1e-9)) {
            throw ConfigValues.error(list, key, text, "does not lie inside the picture", allowed);
        }
        return new MaskArea(v[0], v[1], v[2], v[3]);
    }
}

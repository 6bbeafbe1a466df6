package io.camstream.core.fanout;

import io.camstream.spi.CameraConfigException;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.ConfigValues;
import io.camstream.spi.JpegSize;
import io.camstream.spi.Orientation;
import io.helidon.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a camera's pictures are shaped before and after the fan-out: the part of its {@code rotate} and {@code flip}
 * that camstream turns each frame by, whether frames identical to the one before are dropped, and which smaller
 * variants viewers may ask for.
 *
 * @param turn           what camstream turns each frame by: the camera's orientation less what its driver applies
 * @param size           the picture as viewers see it before the first frame (the NO SIGNAL picture's size)
 * @param dropSameFrames frames byte-identical to the one before are not published
 * @param variantWidths  the widths viewers may ask for with {@code width=}, smallest first; only those smaller than
 *                       the picture are offered
 * @param maxVariants    the most variants encoded at once
 */
public record PictureSettings(Orientation turn, JpegSize size, boolean dropSameFrames, List<Integer> variantWidths,
                              int maxVariants) {

    /** The keys read here. */
    static final Set<String> KEYS = Set.of("rotate", "flip", "drop-same-frames", "variant-widths", "max-variants");

    private static final List<Integer> DEFAULT_WIDTHS = List.of(160, 320, 640, 1280);
    private static final int MIN_WIDTH = 16;
    private static final int MAX_WIDTH = 8192;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when the widths are not ascending and distinct, or no variant is allowed
     */
    public PictureSettings {
        variantWidths = List.copyOf(variantWidths);
        for (int i = 1; i < variantWidths.size(); i++) {
            if (variantWidths.get(i) <= variantWidths.get(i - 1)) {
                throw new IllegalArgumentException("variant widths must ascend: " + variantWidths);
            }
        }
        if (maxVariants < 1) {
            throw new IllegalArgumentException("at least one variant must be allowed, was " + maxVariants);
        }
    }

    /**
     * Reads a camera's keys.
     *
     * @param camera    the camera's node
     * @param driver    its driver, which may turn the picture itself
     * @param delivered the size of the driver's frames, as far as known before the first one
     * @return the settings
     * @throws CameraConfigException when a value is wrong
     */
    static PictureSettings from(Config camera, CameraProvider driver, JpegSize delivered) {
        Orientation wanted = Orientation.from(camera);
        Orientation turn = wanted.after(driver.appliedOrientation(camera, wanted));
        return new PictureSettings(turn, turn.turn(delivered),
                ConfigValues.booleanValue(camera, "drop-same-frames", false),
                widths(camera),
                ConfigValues.intValue(camera, "max-variants", 4, 1, 64));
    }

    /** A list ({@code [160, 320]}), or one value of commas as an environment variable gives it ({@code 160,320}). */
    private static List<Integer> widths(Config camera) {
        Config node = camera.get("variant-widths");
        if (!node.exists()) {
            return DEFAULT_WIDTHS;
        }
        List<String> texts = new ArrayList<>();
        if (node.type() == Config.Type.LIST) {
            node.asNodeList().get().forEach(entry -> texts.add(entry.asString().orElse("")));
        } else if (node.isLeaf()) {
            String text = node.asString().orElse("").strip();
            texts.addAll(text.isEmpty() ? List.of() : List.of(text.split(",")));
        } else {
            throw new CameraConfigException(ConfigValues.fullKey(camera, "variant-widths")
                    + ": expected a list of widths such as [160, 320, 640], found a section");
        }
        TreeSet<Integer> widths = new TreeSet<>();
        for (String text : texts) {
            widths.add(width(camera, text));
        }
        return List.copyOf(widths);
    }

    private static int width(Config camera, String text) {
        String allowed = "a list of whole numbers from " + MIN_WIDTH + " to " + MAX_WIDTH + ", such as [160, 320, 640]";
        int width;
        try {
            width = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ConfigValues.error(camera, "variant-widths", text, "is not a whole number", allowed);
        }
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw ConfigValues.error(camera, "variant-widths", text, "is out of range", allowed);
        }
        return width;
    }
}

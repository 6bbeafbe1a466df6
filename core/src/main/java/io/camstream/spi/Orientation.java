package io.camstream.spi;

import io.helidon.config.Config;

import java.util.Set;

/**
 * How a picture is turned: one of the eight ways a rectangle can be rotated by quarter turns and mirrored (the
 * names are jpegtran's). A camera's keys {@code rotate} (0, 90, 180, 270: clockwise) and {@code flip} ({@code none},
 * {@code horizontal}, {@code vertical}) name one of them: the picture is first rotated, then the rotated picture is
 * mirrored as the viewer sees it, left to right or top to bottom.
 * <p>
 * Each value is described by three steps applied to the source in this order: an optional {@link #transposes()
 * transpose} (swap x and y, mirroring across the top-left to bottom-right diagonal), then an optional mirror of the
 * result left to right ({@link #mirrorsX()}), then top to bottom ({@link #mirrorsY()}).
 */
public enum Orientation {
    /** Unchanged. */
    NONE(false, false, false),
    /** Mirrored left to right. */
    FLIP_HORIZONTAL(false, true, false),
    /** Mirrored top to bottom. */
    FLIP_VERTICAL(false, false, true),
    /** Turned by 180 degrees. */
    ROTATE_180(false, true, true),
    /** Mirrored across the diagonal from the top-left corner. */
    TRANSPOSE(true, false, false),
    /** Turned by 90 degrees clockwise. */
    ROTATE_90(true, true, false),
    /** Turned by 90 degrees counter-clockwise. */
    ROTATE_270(true, false, true),
    /** Mirrored across the diagonal from the top-right corner. */
    TRANSVERSE(true, true, true);

    private static final Set<String> ROTATIONS = Set.of("0", "90", "180", "270");
    private static final Set<String> FLIPS = Set.of("none", "horizontal", "vertical");

    private final boolean transposes;
    private final boolean mirrorsX;
    private final boolean mirrorsY;

    Orientation(boolean transposes, boolean mirrorsX, boolean mirrorsY) {
        this.transposes = transposes;
        this.mirrorsX = mirrorsX;
        this.mirrorsY = mirrorsY;
    }

    /**
     * Reads a camera's {@code rotate} and {@code flip} keys.
     *
     * @param camera the camera's node
     * @return the orientation they name; {@link #NONE} when neither is set
     * @throws CameraConfigException naming the key, the value and the allowed ones
     */
    public static Orientation from(Config camera) {
        String rotate = ConfigValues.stringValue(camera, "rotate").orElse("0");
        if (!ROTATIONS.contains(rotate)) {
            throw ConfigValues.error(camera, "rotate", rotate, "is not a known value", "0, 90, 180, 270");
        }
        return of(Integer.parseInt(rotate), ConfigValues.choiceValue(camera, "flip", "none", FLIPS));
    }

    /**
     * The orientation of a clockwise rotation followed by a flip of the rotated picture.
     *
     * @param degrees 0, 90, 180 or 270
     * @param flip    {@code none}, {@code horizontal} or {@code vertical}
     * @return the orientation
     * @throws IllegalArgumentException for any other value
     */
    public static Orientation of(int degrees, String flip) {
        Orientation rotation = switch (degrees) {
            case 0 -> NONE;
            case 90 -> ROTATE_90;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_270;
            default -> throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, was " + degrees);
        };
        Orientation mirror = switch (flip) {
            case "none" -> NONE;
            case "horizontal" -> FLIP_HORIZONTAL;
            case "vertical" -> FLIP_VERTICAL;
            default -> throw new IllegalArgumentException("flip must be none, horizontal or vertical, was " + flip);
        };
        return rotation.then(mirror);
    }

    /**
     * Whether x and y are swapped, so that the width becomes the height.
     *
     * @return true for the four orientations that turn by a quarter
     */
    public boolean transposes() {
        return transposes;
    }

    /**
     * Whether the (transposed) picture is mirrored left to right.
     *
     * @return true if so
     */
    public boolean mirrorsX() {
        return mirrorsX;
    }

    /**
     * Whether the (transposed) picture is mirrored top to bottom.
     *
     * @return true if so
     */
    public boolean mirrorsY() {
        return mirrorsY;
    }

    /**
     * This orientation followed by another.
     *
     * @param next applied to the result of this one
     * @return the orientation of both in turn
     */
    public Orientation then(Orientation next) {
        // Pushing a transpose through mirrors swaps which axis they act on.
        boolean x = next.transposes ? mirrorsY : mirrorsX;
        boolean y = next.transposes ? mirrorsX : mirrorsY;
        return of(transposes ^ next.transposes, x ^ next.mirrorsX, y ^ next.mirrorsY);
    }

    /**
     * What is left to do of this orientation after a part of it has been done (by a driver, say).
     *
     * @param applied the part already applied to the picture
     * @return the orientation that, applied after {@code applied}, gives this one
     */
    public Orientation after(Orientation applied) {
        return applied.inverse().then(this);
    }

    /**
     * The orientation that undoes this one.
     *
     * @return the inverse
     */
    public Orientation inverse() {
        for (Orientation candidate : values()) {
            if (then(candidate) == NONE) {
                return candidate;
            }
        }
        throw new AssertionError("the eight orientations form a group");
    }

    /**
     * The source pixel shown at a position of the turned picture.
     *
     * @param x            column in the turned picture
     * @param y            row in the turned picture
     * @param sourceWidth  width of the picture before turning
     * @param sourceHeight height of the picture before turning
     * @return the source position, {@code x} in the high 32 bits and {@code y} in the low 32 bits
     */
    public long sourceOf(int x, int y, int sourceWidth, int sourceHeight) {
        int width = transposes ? sourceHeight : sourceWidth;
        int height = transposes ? sourceWidth : sourceHeight;
        int tx = mirrorsX ? width - 1 - x : x;
        int ty = mirrorsY ? height - 1 - y : y;
        return transposes ? ((long) ty << 32) | tx : ((long) tx << 32) | ty;
    }

    /**
     * The size of a picture after turning.
     *
     * @param size the size before
     * @return the size after: width and height swapped when this transposes
     */
    public JpegSize turn(JpegSize size) {
        return transposes ? new JpegSize(size.height(), size.width()) : size;
    }

    private static Orientation of(boolean transposes, boolean mirrorsX, boolean mirrorsY) {
        for (Orientation o : values()) {
            if (o.transposes == transposes && o.mirrorsX == mirrorsX && o.mirrorsY == mirrorsY) {
                return o;
            }
        }
        throw new AssertionError("every combination is a value");
    }
}

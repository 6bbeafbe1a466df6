package io.camstream.driver.sim;

import io.camstream.core.image.PixelFont;

/**
 * Where the parts of the test pattern go, scaled to the picture. Everything that changes from frame to frame lies
 * inside the live panel, so a frame re-encodes only the panel's rows.
 *
 * @param clockFont   the font of the clock
 * @param labelFont   the font of the frame counter and the labels
 * @param live        the panel that holds the clock, the counter and the marker track
 * @param clockTop    the top of the clock
 * @param counterTop  the top of the frame counter
 * @param track       the strip the marker sweeps across
 * @param markerWidth the marker's width in pixels
 */
record PatternLayout(PixelFont clockFont,
                     PixelFont labelFont,
                     Area live,
                     int clockTop,
                     int counterTop,
                     Area track,
                     int markerWidth) {

    /** The widest clock and counter the panel must hold. */
    static final String CLOCK_SAMPLE = "00:00:00.000";
    static final String COUNTER_SAMPLE = "FRAME 0000000000";

    /**
     * Lays out a picture.
     *
     * @param width  picture width
     * @param height picture height
     * @return the layout; parts may lie partly outside a very small picture
     */
    static PatternLayout of(int width, int height) {
        PixelFont clock = new PixelFont(Math.max(1, Math.min(width / 200, height / 112)));
        PixelFont label = new PixelFont(Math.max(1, clock.scale() / 2));
        int pad = 2 * clock.scale();
        int inner = Math.max(clock.width(CLOCK_SAMPLE), label.width(COUNTER_SAMPLE));
        int trackHeight = 2 * clock.scale();
        int panelHeight = pad + clock.height() + pad + label.height() + pad + trackHeight + pad;
        Area live = new Area((width - inner) / 2 - pad, (height - panelHeight) / 2, inner + 2 * pad, panelHeight);
        int clockTop = live.y() + pad;
        int counterTop = clockTop + clock.height() + pad;
        Area track = new Area(live.x() + pad, counterTop + label.height() + pad, inner, trackHeight);
        return new PatternLayout(clock, label, live, clockTop, counterTop, track, Math.max(2, inner / 16));
    }

    /**
     * A rectangle.
     *
     * @param x      left edge
     * @param y      top edge
     * @param width  width
     * @param height height
     */
    record Area(int x, int y, int width, int height) {

        int bottom() {
            return y + height;
        }
    }
}

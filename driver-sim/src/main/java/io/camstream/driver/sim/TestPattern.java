package io.camstream.driver.sim;

import io.camstream.core.image.PixelFont;
import io.camstream.core.image.Pixels;
import io.camstream.spi.Frame;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live test pattern: static bars and labels around a panel that shows the wall-clock time with milliseconds,
 * the frame number, and a marker that sweeps across its track every two seconds, so a viewer sees at a glance
 * that the video is live and how late it arrives.
 * <p>
 * Made cheap for small boards: the background is drawn once; each frame copies back only the panel's rows,
 * draws the panel's contents, and re-encodes only those rows (see {@link PatchableJpeg}).
 */
final class TestPattern implements FrameSource {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final int CLOCK_COLOUR = 0xFFFFFF;
    private static final int COUNTER_COLOUR = 0xFFD040;
    private static final int MARKER_COLOUR = 0x40FF40;
    private static final int BYTES_PER_PIXEL = 3;
    private static final int SWEEP_SECONDS = 2;

    private final SimSettings settings;
    private final PatternLayout layout;
    private final ZoneId zone = ZoneId.systemDefault();
    private final BufferedImage canvas;
    private final byte[] canvasPixels;
    private final byte[] backgroundPixels;
    private final int bandTop;
    private final int bandBottom;
    private final PatchableJpeg jpeg;

    TestPattern(String camera, SimSettings settings) {
        this.settings = settings;
        this.layout = PatternLayout.of(settings.width(), settings.height());
        this.canvas = PatternBackground.draw(camera, settings, layout);
        this.canvasPixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        this.backgroundPixels = canvasPixels.clone();
        this.bandTop = Math.clamp(layout.live().y(), 0, settings.height());
        this.bandBottom = Math.clamp(layout.live().bottom(), 0, settings.height());
        this.jpeg = new PatchableJpeg(canvas, settings.quality());
    }

    @Override
    public Frame frame(long slot) {
        Instant now = Instant.now();
        int rowBytes = settings.width() * BYTES_PER_PIXEL;
        System.arraycopy(backgroundPixels, bandTop * rowBytes, canvasPixels, bandTop * rowBytes,
                (bandBottom - bandTop) * rowBytes);
        drawCentred(layout.clockFont(), now.atZone(zone).format(CLOCK), layout.clockTop(), CLOCK_COLOUR);
        drawCentred(layout.labelFont(), "FRAME " + slot, layout.counterTop(), COUNTER_COLOUR);
        drawMarker(slot);
        return new Frame(jpeg.withBand(canvas, bandTop, bandBottom), slot, now, settings.width(), settings.height());
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", "pattern");
        details.put("size", settings.width() + "x" + settings.height());
        details.put("fps", Integer.toString(settings.fps()));
        details.put("quality", Integer.toString(settings.quality()));
        return Collections.unmodifiableMap(details);
    }

    @Override
    public void close() {
        jpeg.close();
    }

    private void drawCentred(PixelFont font, String text, int top, int rgb) {
        PatternLayout.Area live = layout.live();
        font.draw(canvas, text, live.x() + (live.width() - font.width(text)) / 2, top, rgb);
    }

    /** Moves the marker one step per slot, so a skipped slot shows as a longer jump. */
    private void drawMarker(long slot) {
        PatternLayout.Area track = layout.track();
        int steps = SWEEP_SECONDS * settings.fps();
        long travel = track.width() - layout.markerWidth();
        int x = track.x() + (int) (slot % steps * travel / (steps - 1));
        Pixels.fillRect(canvas, x, track.y(), layout.markerWidth(), track.height(),
                MARKER_COLOUR);
    }
}

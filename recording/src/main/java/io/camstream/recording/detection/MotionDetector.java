package io.camstream.recording.detection;

import java.util.List;

/**
 * Measures how much of a small luminance picture changed since the previous one analysed: a sample changed when
 * it differs by more than the noise level, changed samples with fewer than two changed neighbours (specks of sensor
 * noise and JPEG artefacts) are dropped, and masked samples never count. The score is the share of the unmasked
 * picture that changed. Comparing with the previous analysed picture rather than a slowly updated background makes
 * an event end as soon as things stop moving, and makes a frame skipped under load cost nothing but the frame.
 * <p>
 * Used by one thread.
 */
final class MotionDetector {

    private final int noise;
    private final boolean despeckle;
    private final List<MaskArea> masks;
    private byte[] previous;
    private boolean[] changed;
    private boolean[] masked;
    private int unmasked;
    private int width;
    private int height;

    MotionDetector(MotionSettings settings) {
        this.noise = settings.noise();
        this.despeckle = settings.despeckle();
        this.masks = settings.masks();
    }

    /**
     * Compares a picture with the previous one and keeps it for the next comparison.
     *
     * @param samples the luminance samples, row {@code y} at {@code y * stride}
     * @param width   samples per row
     * @param height  rows
     * @param stride  distance between rows
     * @return the share of the unmasked picture that changed, 0 to 1; 0 for the first picture or after the size
     *         changed
     */
    double score(byte[] samples, int width, int height, int stride) {
        if (previous == null || width != this.width || height != this.height) {
            resize(width, height);
            keep(samples, stride);
            return 0;
        }
        markChanged(samples, stride);
        int count = despeckle ? countDespeckled() : countChanged();
        keep(samples, stride);
        return unmasked == 0 ? 0 : (double) count / unmasked;
    }

    private void resize(int width, int height) {
        this.width = width;
        this.height = height;
        previous = new byte[width * height];
        changed = new boolean[width * height];
        masked = new boolean[width * height];
        unmasked = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean covered = false;
                for (MaskArea mask : masks) {
                    covered |= mask.covers(x, y, width, height);
                }
                masked[y * width + x] = covered;
                unmasked += covered ? 0 : 1;
            }
        }
    }

    private void markChanged(byte[] samples, int stride) {
        for (int y = 0; y < height; y++) {
            int row = y * stride;
            int at = y * width;
            for (int x = 0; x < width; x++, at++) {
                int difference = Math.abs((samples[row + x] & 0xFF) - (previous[at] & 0xFF));
                changed[at] = difference > noise && !masked[at];
            }
        }
    }

    private int countChanged() {
        int count = 0;
        for (boolean c : changed) {
            count += c ? 1 : 0;
        }
        return count;
    }

    private int countDespeckled() {
        int count = 0;
        for (int y = 0; y < height; y++) {
            int at = y * width;
            for (int x = 0; x < width; x++, at++) {
                if (changed[at] && neighbours(x, y, at) >= 2) {
                    count++;
                }
            }
        }
        return count;
    }

    private int neighbours(int x, int y, int at) {
        int n = 0;
        if (x > 0 && changed[at - 1]) {
            n++;
        }
        if (x + 1 < width && changed[at + 1]) {
            n++;
        }
        if (y > 0 && changed[at - width]) {
            n++;
        }
        if (y + 1 < height && changed[at + width]) {
            n++;
        }
        return n;
    }

    private void keep(byte[] samples, int stride) {
        for (int y = 0; y < height; y++) {
            System.arraycopy(samples, y * stride, previous, y * width, width);
        }
    }
}

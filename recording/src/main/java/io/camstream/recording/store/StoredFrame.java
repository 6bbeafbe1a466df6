package io.camstream.recording.store;

import java.time.Instant;

/**
 * Where a frame lies in a segment file, and what its record says about it; {@link SegmentReader#read} gives the
 * frame itself.
 *
 * @param offset      the record's offset in the file
 * @param captureTime when the camera took it
 * @param sequence    the driver's sequence number
 * @param width       width in pixels
 * @param height      height in pixels
 * @param jpegBytes   the JPEG's length
 */
public record StoredFrame(long offset, Instant captureTime, long sequence, int width, int height, int jpegBytes) {
}

package io.camstream.core.mjpeg;

import io.camstream.spi.Frame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Motion JPEG wire format shared by mjpg-streamer and µStreamer: {@code multipart/x-mixed-replace} where each
 * part carries {@code Content-Type}, {@code Content-Length} and {@code X-Timestamp}, and the boundary line follows
 * each JPEG at once, so a browser shows a frame without waiting for the next one.
 */
public final class MjpegFormat {

    /** The boundary both peers use; clients in the wild have been tested against it. */
    public static final String BOUNDARY = "boundarydonotcross";

    /** The response's media type. */
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

    private static final byte[] FIRST_BOUNDARY = ascii("--" + BOUNDARY + "\r\n");
    private static final byte[] TRAILER = ascii("\r\n--" + BOUNDARY + "\r\n");
    private static final byte[] ADVANCE_HEADERS = ascii("Content-Type: image/jpeg\r\n\r\n");

    private MjpegFormat() {
    }

    /**
     * The bytes that open a stream, before the first part.
     *
     * @return a fresh copy of {@code --boundary CRLF}
     */
    public static byte[] streamStart() {
        return FIRST_BOUNDARY.clone();
    }

    /**
     * The bytes that open a stream in the "advance headers" layout: the first boundary and the first part's headers.
     *
     * @return a fresh copy of {@code --boundary CRLF Content-Type: image/jpeg CRLF CRLF}
     */
    public static byte[] advanceStreamStart() {
        byte[] start = new byte[FIRST_BOUNDARY.length + ADVANCE_HEADERS.length];
        System.arraycopy(FIRST_BOUNDARY, 0, start, 0, FIRST_BOUNDARY.length);
        System.arraycopy(ADVANCE_HEADERS, 0, start, FIRST_BOUNDARY.length, ADVANCE_HEADERS.length);
        return start;
    }

    /**
     * One part in µStreamer's "advance headers" layout: the JPEG, the boundary, and at once the headers of the next
     * part, which carry no {@code Content-Length} since the next frame is not known yet.
     * <p>
     * Chromium draws a part only when the headers of the following part have arrived, so in the standard layout
     * every frame stays invisible until the next one starts: https://bugs.chromium.org/p/chromium/issues/detail?id=527446
     * Sending the next part's headers with the boundary lets it draw each frame as soon as the frame is complete.
     *
     * @param frame the frame
     * @return the bytes to write for this frame, the same for every viewer that asked for this layout
     */
    public static byte[] advancePart(Frame frame) {
        byte[] part = new byte[frame.size() + TRAILER.length + ADVANCE_HEADERS.length];
        System.arraycopy(frame.jpeg(), 0, part, 0, frame.size());
        System.arraycopy(TRAILER, 0, part, frame.size(), TRAILER.length);
        System.arraycopy(ADVANCE_HEADERS, 0, part, frame.size() + TRAILER.length, ADVANCE_HEADERS.length);
        return part;
    }

    /**
     * One complete part: its headers, the JPEG, and the boundary line that ends it.
     *
     * @param frame the frame
     * @return the bytes to write for this frame, the same for every viewer
     */
    public static byte[] part(Frame frame) {
        byte[] headers = ascii("Content-Type: image/jpeg\r\n"
                + "Content-Length: " + frame.size() + "\r\n"
                + "X-Timestamp: " + timestamp(frame.captureTime()) + "\r\n"
                + "\r\n");
        byte[] part = new byte[headers.length + frame.size() + TRAILER.length];
        System.arraycopy(headers, 0, part, 0, headers.length);
        System.arraycopy(frame.jpeg(), 0, part, headers.length, frame.size());
        System.arraycopy(TRAILER, 0, part, headers.length + frame.size(), TRAILER.length);
        return part;
    }

    /**
     * A time as epoch seconds with six decimals, the form of the {@code X-Timestamp} header.
     *
     * @param time the time
     * @return for example {@code 1764068400.123456}
     */
    public static String timestamp(Instant time) {
        long micros = time.getNano() / 1_000;
        return time.getEpochSecond() + "." + String.format("%06d", micros);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

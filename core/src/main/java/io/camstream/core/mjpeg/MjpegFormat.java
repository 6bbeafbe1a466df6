package io.camstream.core.mjpeg;

import io.camstream.spi.Frame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The Motion JPEG wire format shared by mjpg-streamer and µStreamer, every byte of it: a
 * {@code multipart/x-mixed-replace} body whose parts carry {@code Content-Type}, {@code Content-Length} and
 * {@code X-Timestamp}, where the boundary line follows each JPEG at once, so a browser shows a frame without waiting
 * for the next one. The stream ends with the closing boundary ({@code --boundarydonotcross--}).
 * <p>
 * Since the boundary after a frame has already gone out, only a part can come before the closing boundary: the
 * stream's last part is its last frame once more, ended by the closing boundary instead of the next one. No line
 * end follows it, which is what ffmpeg needs to end without "Invalid data found".
 */
public final class MjpegFormat {

    /** The boundary both peers use; clients in the wild have been tested against it. */
    public static final String BOUNDARY = "boundarydonotcross";

    /** The response's media type. */
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

    private static final byte[] FIRST_BOUNDARY = ascii("--" + BOUNDARY + "\r\n");
    private static final byte[] TRAILER = ascii("\r\n--" + BOUNDARY + "\r\n");
    private static final byte[] NEXT_HEADERS = ascii("Content-Type: image/jpeg\r\n\r\n");
    private static final byte[] CLOSING = ascii("\r\n--" + BOUNDARY + "--");

    private MjpegFormat() {
    }

    /** How each part is laid out; both layouts share the boundary, the closing and the media type. */
    public enum Layout {

        /** Each part: its headers with {@code Content-Length} and {@code X-Timestamp}, the JPEG, the next boundary. */
        STANDARD {
            @Override
            public byte[] start() {
                return FIRST_BOUNDARY.clone();
            }

            @Override
            public byte[] part(Frame frame) {
                byte[] headers = ascii("Content-Type: image/jpeg\r\n"
                        + "Content-Length: " + frame.size() + "\r\n"
                        + "X-Timestamp: " + timestamp(frame.captureTime()) + "\r\n"
                        + "\r\n");
                return concat(headers, frame.jpeg(), TRAILER);
            }

            @Override
            public int lastPartLength(byte[] part) {
                return part.length - TRAILER.length;
            }
        },

        /**
         * µStreamer's "advance headers": each part is the JPEG, the boundary, and at once the headers of the next
         * part, which carry no {@code Content-Length} since the next frame is not known yet.
         * <p>
         * Chromium draws a part only when the headers of the following part have arrived, so in the standard layout
         * every frame stays invisible until the next one starts: https://bugs.chromium.org/p/chromium/issues/detail?id=527446
         * Sending the next part's headers with the boundary lets it draw each frame as soon as the frame is complete.
         */
        ADVANCE_HEADERS {
            @Override
            public byte[] start() {
                return concat(FIRST_BOUNDARY, NEXT_HEADERS);
            }

            @Override
            public byte[] part(Frame frame) {
                return concat(frame.jpeg(), TRAILER, NEXT_HEADERS);
            }

            @Override
            public int lastPartLength(byte[] part) {
                return part.length - TRAILER.length - NEXT_HEADERS.length;
            }
        };

        /**
         * The bytes that open a stream, before the first part.
         *
         * @return a fresh copy
         */
        public abstract byte[] start();

        /**
         * One frame's part, ended by the boundary of the next.
         *
         * @param frame the frame
         * @return the bytes to write for this frame, the same for every viewer of this layout
         */
        public abstract byte[] part(Frame frame);

        /**
         * How many leading bytes of a part of this layout, followed by {@link #closing()}, make the stream's last
         * part: the frame again, without the boundary that would announce another.
         *
         * @param part a part of this layout
         * @return the length to write
         */
        public abstract int lastPartLength(byte[] part);
    }

    /**
     * The bytes that open a stream in the standard layout.
     *
     * @return a fresh copy of {@code --boundary CRLF}
     */
    public static byte[] streamStart() {
        return Layout.STANDARD.start();
    }

    /**
     * One part in the standard layout: its headers, the JPEG, and the boundary line that ends it.
     *
     * @param frame the frame
     * @return the bytes to write for this frame, the same for every viewer
     */
    public static byte[] part(Frame frame) {
        return Layout.STANDARD.part(frame);
    }

    /**
     * What ends a stream after its last part: the closing boundary, with no line end after it.
     *
     * @return a fresh copy of {@code CRLF --boundary--}
     */
    public static byte[] closing() {
        return CLOSING.clone();
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

    private static byte[] concat(byte[]... pieces) {
        int length = 0;
        for (byte[] piece : pieces) {
            length += piece.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, all, at, piece.length);
            at += piece.length;
        }
        return all;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

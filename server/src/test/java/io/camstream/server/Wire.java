package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One protocol's way of asking camstream something, for tests that ask every protocol the same: a request in, the
 * answer out as the client saw it. A stream's answer is its head and its first frame.
 */
interface Wire extends AutoCloseable {

    /**
     * What came back.
     *
     * @param status  the status code
     * @param headers the headers, names in lower case, values of repeated headers joined with ", "
     * @param body    the body; for a stream, the first part's JPEG
     * @param stream  whether it was an MJPEG stream
     */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean stream) {

        String text() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /** Headers that differ by the moment alone (the date, a frame's time) taken out. */
        Answer timeless() {
            Map<String, String> kept = new TreeMap<>(headers);
            kept.remove("date");
            kept.remove("x-timestamp");
            return new Answer(status, kept, body, stream);
        }

        /** The answer with one text replaced by another everywhere, as bytes of the same length. */
        Answer replace(String from, String to) {
            Map<String, String> kept = new TreeMap<>();
            headers.forEach((name, value) -> kept.put(name, value.replace(from, to)));
            return new Answer(status, kept, text().replace(from, to).getBytes(StandardCharsets.ISO_8859_1), stream);
        }

        /** For comparison in assertion messages. */
        @Override
        public String toString() {
            String shown = stream || headers.getOrDefault("content-type", "").startsWith("image/")
                    ? body.length + " bytes of picture" : "'" + text() + "'";
            return status + " " + headers + " " + shown;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Answer that && status == that.status && headers.equals(that.headers)
                    && java.util.Arrays.equals(body, that.body) && stream == that.stream;
        }

        @Override
        public int hashCode() {
            return status;
        }
    }

    /**
     * Sends a request and reads its answer.
     *
     * @param method        GET or HEAD
     * @param target        the path and query
     * @param authorization the Authorization header, if any
     * @return the answer
     */
    Answer exchange(String method, String target, Optional<String> authorization) throws Exception;

    /** Which protocol this is, for messages. */
    String name();

    static boolean isStream(String contentType) {
        return contentType != null && contentType.startsWith("multipart/x-mixed-replace");
    }

    /** The first part's JPEG of a stream body. */
    static byte[] firstFrame(InputStream body) throws IOException {
        return new MjpegReader(body, MjpegFormat.BOUNDARY).next().body();
    }
}

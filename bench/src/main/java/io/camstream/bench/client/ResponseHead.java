package io.camstream.bench.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What matters in an MJPEG response's status line and headers.
 *
 * @param statusLine the first line, for messages
 * @param chunked    whether the body is chunked
 * @param token      the multipart boundary without leading dashes
 */
record ResponseHead(String statusLine, boolean chunked, byte[] token) {

    /**
     * Reads a response head.
     *
     * @param head the bytes up to and including the blank line
     * @return the head
     * @throws StreamFormatException when the status is not 200 or the body is not multipart with a boundary
     */
    static ResponseHead parse(byte[] head, int length) {
        String[] lines = new String(head, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n");
        String status = lines[0];
        String[] words = status.split(" ", 3);
        if (words.length < 2 || !words[0].startsWith("HTTP/")) {
            throw new StreamFormatException("not an HTTP response: " + status);
        }
        if (!words[1].equals("200")) {
            throw new StreamFormatException("server answered " + status);
        }
        boolean chunked = false;
        String contentType = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        return new ResponseHead(status, chunked, boundaryToken(contentType));
    }

    /**
     * The boundary of a multipart content type, with or without quotes, without any leading dashes.
     *
     * @param contentType for example {@code multipart/x-mixed-replace; boundary="--frame"}
     * @return for example the bytes of {@code frame}
     */
    static byte[] boundaryToken(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new StreamFormatException("not a multipart stream: Content-Type is " + contentType);
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = unquote(parameter.substring(equals + 1).trim());
                String token = value.replaceFirst("^-+", "");
                if (!token.isEmpty()) {
                    return token.getBytes(StandardCharsets.ISO_8859_1);
                }
            }
        }
        throw new StreamFormatException("no boundary in Content-Type " + contentType);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}

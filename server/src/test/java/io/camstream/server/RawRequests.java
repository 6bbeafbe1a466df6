package io.camstream.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Hand-written requests on a plain socket, for what well-behaved clients never send. */
final class RawRequests {

    /** What came back: the status (0 when the server closed without an answer) and the text read. */
    record Answer(int status, String text) {
    }

    private RawRequests() {
    }

    /** Sends the bytes and reads until the server closes, the limit is read, or nothing comes for 10 s. */
    static Answer exchange(int port, String request, int limit) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return answer(socket.getInputStream(), limit);
        }
    }

    static Answer answer(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() >= limit || complete(bytes.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // answered what it would
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        int status = text.startsWith("HTTP/1.") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
        return new Answer(status, text);
    }

    /** A response with a Content-Length (or none, as for HEAD) is complete once that many body bytes are in. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                .matcher(text.substring(0, end));
        if (length.find()) {
            return text.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        return !text.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding");
    }
}

package io.camstream.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** A request written by hand on a plain socket, as scripts and old integrations send them. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RawHttp get(int port, String target, String version, String... headers) throws IOException {
        return get(null, port, target, version, headers);
    }

    /** The request from a given local address (on Linux any of 127.0.0.0/8), as if from another machine. */
    static RawHttp get(InetAddress from, int port, String target, String version, String... headers)
            throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        if (from != null) {
            socket.bind(new InetSocketAddress(from, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        RawHttp http = new RawHttp(socket);
        http.get(target, version, headers);
        return http;
    }

    /** Sends a GET on this connection: the first, or the next one on a connection kept alive. */
    void get(String target, String version, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " " + version + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** The status line and headers, up to the blank line. */
    String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (head.size() < 4 || !Arrays.equals(Arrays.copyOfRange(head.toByteArray(), head.size() - 4,
                head.size()), end)) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Exactly n bytes of what follows. */
    byte[] read(int n) throws IOException {
        return in.readNBytes(n);
    }

    /**
     * The body after the given head: its Content-Length bytes, chunks decoded, or everything until the server
     * closes the connection.
     */
    InputStream body(String head) throws IOException {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length: *(\\d+)")
                .matcher(head);
        if (length.find()) {
            return new ByteArrayInputStream(in.readNBytes(Integer.parseInt(length.group(1))));
        }
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked\r\n")) {
            return new Chunked(in);
        }
        return in;
    }

    /** Decodes a chunked body as it arrives. */
    static final class Chunked extends InputStream {

        private final InputStream in;
        private int left;
        private boolean ended;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0 && !nextChunk()) {
                return -1;
            }
            left--;
            return in.read();
        }

        private boolean nextChunk() throws IOException {
            if (ended) {
                return false;
            }
            String line = line();
            if (line.isEmpty()) {
                line = line(); // the CRLF that ends the previous chunk
            }
            left = Integer.parseInt(line.trim(), 16);
            ended = left == 0;
            return !ended;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the chunked body ended early");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

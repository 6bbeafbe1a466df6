package io.camstream.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A request written by hand on a plain socket, as scripts and old integrations send them. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    static RawHttp get(int port, String target, String version, String... headers) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        StringBuilder request = new StringBuilder("GET " + target + " " + version + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new RawHttp(socket);
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

    InputStream body() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

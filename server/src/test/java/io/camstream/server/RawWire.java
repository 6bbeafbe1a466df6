package io.camstream.server;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP/1.1 with keep-alive, or HTTP/1.0, written and read byte by byte on a socket (plain, or TLS offering the
 * version's ALPN name as curl does), so that a stray byte after an answer shows: on a kept-alive connection the
 * next answer would not start with its status line, and after an HTTP/1.0 HEAD answer nothing may follow before
 * the server closes.
 */
final class RawWire implements Wire {

    private final int port;
    private final String version;
    private final Optional<SSLContext> tls;
    private Socket socket;
    private InputStream in;

    private RawWire(int port, String version, Optional<SSLContext> tls) {
        this.port = port;
        this.version = version;
        this.tls = tls;
    }

    static RawWire http11(int port) {
        return new RawWire(port, "HTTP/1.1", Optional.empty());
    }

    static RawWire http10(int port) {
        return new RawWire(port, "HTTP/1.0", Optional.empty());
    }

    static RawWire tls(int port, String version, SSLContext tls) {
        return new RawWire(port, version, Optional.of(tls));
    }

    @Override
    public String name() {
        return version + (tls.isPresent() ? " over TLS" : "");
    }

    @Override
    public Answer exchange(String method, String target, Optional<String> authorization) throws IOException {
        if (socket == null) {
            connect();
        }
        StringBuilder request = new StringBuilder(method + " " + target + " " + version + "\r\nHost: 127.0.0.1\r\n");
        authorization.ifPresent(value -> request.append("Authorization: ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        if (version.equals("HTTP/1.0")) {
            // One request per connection; the end of it lets the server close once it has answered (camstream
            // does not close an HTTP/1.0 connection on its own yet), so that what it sent after a HEAD answer shows.
            socket.shutdownOutput();
        }
        String statusLine = line();
        assertThat(statusLine).as("%s %s on %s: the answer's first line (bytes left by the previous answer?)",
                method, target, name()).startsWith(version.equals("HTTP/1.0") ? "HTTP/1.0 " : "HTTP/1.1 ");
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        boolean stream = Wire.isStream(headers.get("content-type"));
        byte[] body = method.equals("HEAD") ? new byte[0] : body(headers, stream);
        boolean closes = stream || version.equals("HTTP/1.0") || "close".equalsIgnoreCase(headers.get("connection"));
        if (closes) {
            if (method.equals("HEAD") && !stream) {
                assertThat(in.readAllBytes()).as("bytes after the HEAD answer to %s on %s", target, name()).isEmpty();
            }
            close();
        }
        return new Answer(status, headers, body, stream);
    }

    private byte[] body(Map<String, String> headers, boolean stream) throws IOException {
        InputStream body;
        if (headers.containsKey("content-length")) {
            body = new ByteArrayInputStream(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = new RawHttp.Chunked(in);
        } else {
            body = in;
        }
        return stream ? Wire.firstFrame(body) : body.readAllBytes();
    }

    private void connect() throws IOException {
        if (tls.isPresent()) {
            SSLSocket secure = (SSLSocket) tls.get().getSocketFactory().createSocket();
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {version.toLowerCase(Locale.ROOT)});
            secure.setSSLParameters(parameters);
            socket = secure;
        } else {
            socket = new Socket();
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        in = socket.getInputStream();
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended in a line: '" + bytes + "'");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}

package io.camstream.server.http10;

import io.helidon.common.buffers.DataReader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The bytes of an HTTP/1.0 request as Helidon's HTTP/1.1 parser is to read them, translated as they arrive: the
 * request line's version becomes {@code HTTP/1.1}, and {@code Connection: close} (with a {@code Host} when the client
 * sent none) is added before the blank line that ends the headers; the body and anything after pass unchanged. Only
 * a few bytes are ever held back (the end of the request line, the start of a header line), so the HTTP/1.1 parser
 * applies its own limits ({@code max-prologue-length}, {@code max-headers-size}) to what the client sends, and the
 * connection's deadlines apply to it as they arrive, however slowly.
 */
final class Http10Request implements Supplier<byte[]> {

    private static final byte[] VERSION_10 = "HTTP/1.0\r".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION_11 = "HTTP/1.1\r".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST = "host:".getBytes(StandardCharsets.US_ASCII);

    private enum State { REQUEST_LINE, LINE_START, HEADER_LINE, BODY }

    private final DataReader client;
    private final byte[] addedHost;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private State state = State.REQUEST_LINE;
    private boolean hostSent;

    /**
     * @param client the client's bytes
     * @param host   the {@code Host} header's value to add when the client sends none
     */
    Http10Request(DataReader client, String host) {
        this.client = client;
        this.addedHost = ("Host: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] get() {
        while (true) {
            client.ensureAvailable();
            byte[] in = client.readBytes(client.available());
            if (state == State.BODY) {
                return in;
            }
            byte[] out = translate(in);
            if (out.length > 0) {
                return out;
            }
        }
    }

    private byte[] translate(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 64);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            switch (state) {
                case REQUEST_LINE -> requestLine(b, out);
                case LINE_START -> lineStart(b, out);
                case HEADER_LINE -> {
                    out.write(b);
                    if (b == '\n') {
                        state = State.LINE_START;
                    }
                }
                case BODY -> {
                    out.write(in, i, in.length - i);
                    return out.toByteArray();
                }
            }
        }
        return out.toByteArray();
    }

    /** Passes the request line on, but for its last bytes, which may be the version to replace. */
    private void requestLine(byte b, ByteArrayOutputStream out) {
        if (b == '\n') {
            byte[] tail = held.toByteArray();
            out.writeBytes(java.util.Arrays.equals(tail, VERSION_10) ? VERSION_11 : tail);
            out.write(b);
            held.reset();
            state = State.LINE_START;
            return;
        }
        held.write(b);
        if (held.size() > VERSION_10.length) {
            byte[] bytes = held.toByteArray();
            out.write(bytes[0]);
            held.reset();
            held.write(bytes, 1, bytes.length - 1);
        }
    }

    /** Holds a header line's first bytes until it is clear whether it is a Host header, or the end of the head. */
    private void lineStart(byte b, ByteArrayOutputStream out) {
        if (held.size() == 0 && (b == '\r' || b == '\n')) {
            if (!hostSent) {
                out.writeBytes(addedHost);
            }
            out.writeBytes("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            state = State.BODY;
            return;
        }
        held.write(b);
        int n = held.size();
        boolean host = Character.toLowerCase(b) == HOST[n - 1];
        if (host && n < HOST.length) {
            return;
        }
        hostSent |= host;
        out.writeBytes(held.toByteArray());
        held.reset();
        state = b == '\n' ? State.LINE_START : State.HEADER_LINE;
    }
}

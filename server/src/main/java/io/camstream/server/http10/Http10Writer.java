package io.camstream.server.http10;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns Helidon's HTTP/1.1 response into HTTP/1.0: the status line's version, no {@code Transfer-Encoding}, and
 * the chunks' payload without their framing; the end of the body is the end of the connection.
 */
final class Http10Writer implements DataWriter {

    private enum State { HEAD, PLAIN, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, DONE }

    private final DataWriter socket;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private State state = State.HEAD;
    private long chunkLeft;
    private int chunkEndLeft;

    Http10Writer(DataWriter socket) {
        this.socket = socket;
    }

    @Override
    public synchronized void write(BufferData... buffers) {
        for (BufferData buffer : buffers) {
            forward(buffer, false);
        }
    }

    @Override
    public synchronized void write(BufferData buffer) {
        forward(buffer, false);
    }

    @Override
    public synchronized void writeNow(BufferData... buffers) {
        for (BufferData buffer : buffers) {
            forward(buffer, true);
        }
    }

    @Override
    public synchronized void writeNow(BufferData buffer) {
        forward(buffer, true);
    }

    @Override
    public void flush() {
        socket.flush();
    }

    @Override
    public void close() {
        socket.close();
    }

    private void forward(BufferData buffer, boolean now) {
        byte[] out = translate(buffer.readBytes());
        if (out.length == 0) {
            return;
        }
        if (now) {
            socket.writeNow(BufferData.create(out));
        } else {
            socket.write(BufferData.create(out));
        }
    }

    private byte[] translate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            switch (state) {
                case HEAD -> {
                    pending.write(bytes[i++]);
                    if (endsWithBlankLine()) {
                        out.writeBytes(head(pending.toString(StandardCharsets.ISO_8859_1)));
                        pending.reset();
                    }
                }
                case PLAIN -> {
                    out.write(bytes, i, bytes.length - i);
                    i = bytes.length;
                }
                case CHUNK_SIZE -> {
                    byte b = bytes[i++];
                    if (b == '\n') {
                        String size = pending.toString(StandardCharsets.US_ASCII).trim();
                        pending.reset();
                        int extension = size.indexOf(';');
                        chunkLeft = Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
                        state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
                    } else {
                        pending.write(b);
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkLeft, bytes.length - i);
                    out.write(bytes, i, n);
                    i += n;
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        state = State.CHUNK_END;
                        chunkEndLeft = 2;
                    }
                }
                case CHUNK_END -> {
                    i++;
                    if (--chunkEndLeft == 0) {
                        state = State.CHUNK_SIZE;
                    }
                }
                case DONE -> i = bytes.length;
            }
        }
        return out.toByteArray();
    }

    private boolean endsWithBlankLine() {
        int n = pending.size();
        if (n < 4) {
            return false;
        }
        byte[] b = pending.toByteArray();
        return b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private byte[] head(String head) {
        StringBuilder translated = new StringBuilder();
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            if (translated.isEmpty()) {
                translated.append(line.replaceFirst("^HTTP/1\\.1 ", "HTTP/1.0 ")).append("\r\n");
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:")) {
                chunked = lower.contains("chunked");
                continue;
            }
            translated.append(line).append("\r\n");
        }
        state = chunked ? State.CHUNK_SIZE : State.PLAIN;
        return translated.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}

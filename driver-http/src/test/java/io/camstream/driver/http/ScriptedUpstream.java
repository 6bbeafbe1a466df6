package io.camstream.driver.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server on a real socket that answers every request with a script of raw bytes, so that tests can
 * send exactly what a broken or hostile camera would. It records the requests and counts open connections.
 */
final class ScriptedUpstream implements AutoCloseable {

    /** Writes a whole response, status line included; returning closes the connection. */
    @FunctionalInterface
    interface Script {
        void respond(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Script script;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    ScriptedUpstream(Script script) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread.ofVirtual().start(this::accept);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    List<String> requests() {
        return requests;
    }

    int openConnections() {
        return open.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The connection counts as open until the client closes it, which a reader of the request side notices. */
    private void serve(Socket socket) {
        AtomicBoolean gone = new AtomicBoolean();
        try {
            InputStream in = socket.getInputStream();
            requests.add(requestHead(in));
            Thread.ofVirtual().start(() -> {
                try {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // reset by the client: gone as well
                }
                leave(gone, socket);
            });
            script.respond(new Counting(socket.getOutputStream()));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            leave(gone, socket);
        }
    }

    private void leave(AtomicBoolean gone, Socket socket) {
        if (gone.compareAndSet(false, true)) {
            open.decrementAndGet();
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static String requestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private final class Counting extends OutputStream {

        private final OutputStream out;

        Counting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesSent.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesSent.addAndGet(len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}

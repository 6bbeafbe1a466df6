package io.camstream.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Viewers that vanish mid-stream leave nothing behind and are not worth a warning. */
class ViewerChurnTest {

    @Test
    void hundredViewersDisconnectingAbruptlyLeaveNoRegistrationThreadOrDescriptor() throws Exception {
        try (RunningServer server = RunningServer.simCamera("default", 320, 240, 30)) {
            var camera = server.server().cameras().defaultCamera();
            readSomeAndDrop(server.port(), 1); // warm up: capture running, lazy classes loaded
            awaitViewers(camera, 0);
            long fdsBefore = openDescriptors();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<LogRecord> warnings = captureWarnings();

            readSomeAndDrop(server.port(), 100);

            awaitViewers(camera, 0);
            assertThat(warnings).as("log records at WARNING or above").isEmpty();
            assertThat(openDescriptors()).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 3);
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
                    .as("live platform threads").isLessThanOrEqualTo(threadsBefore + 2);
        }
    }

    private static void readSomeAndDrop(int port, int viewers) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write("GET /video_feed HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(socket);
        }
        for (Socket socket : sockets) {
            InputStream in = socket.getInputStream();
            // Leave at a random point of the response: in the headers, in the first frame or later.
            in.readNBytes(ThreadLocalRandom.current().nextInt(1, 40_000));
            socket.setSoLinger(true, 0); // reset, as a crashed or unplugged client would
            socket.close();
        }
    }

    private static void awaitViewers(io.camstream.core.fanout.CameraFeed camera, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (camera.viewerCount() != count) {
            assertThat(System.nanoTime()).as("viewers left within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static List<LogRecord> captureWarnings() {
        List<LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger root = Logger.getLogger("");
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return records;
    }
}

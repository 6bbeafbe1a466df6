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
            readSomeAndDrop(server.port(), 20); // warm up: capture running, lazy classes and jars loaded
            awaitViewers(camera, 0);
            List<String> fdsBefore = openDescriptors();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<LogRecord> warnings = captureWarnings();

            readSomeAndDrop(server.port(), 100);

            awaitViewers(camera, 0);
            assertThat(warnings).as("log records at WARNING or above").isEmpty();
            // Connections finish closing just after their handlers return, so give the count a moment to settle.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (count(openDescriptors(), "socket") > count(fdsBefore, "socket") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<String> fdsAfter = openDescriptors();
            assertThat(count(fdsAfter, "socket")).as("open sockets, before %s after %s", fdsBefore, fdsAfter)
                    .isLessThanOrEqualTo(count(fdsBefore, "socket"));
            // The JDK creates its virtual-thread I/O pollers (epoll descriptors) lazily, per carrier thread.
            assertThat(fdsAfter.size()).as("open file descriptors, before %s after %s", fdsBefore, fdsAfter)
                    .isLessThanOrEqualTo(fdsBefore.size() + 4);
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

    private static List<String> openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            // Kinds only (socket, pipe, anon_inode, a file's path), so the message shows what grew.
            return fds.map(ViewerChurnTest::target).map(t -> t.replaceAll(":\\[.*", "")).sorted().toList();
        }
    }

    private static long count(List<String> descriptors, String kind) {
        return descriptors.stream().filter(kind::equals).count();
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "closed";
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

package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of viewers coming and going and a driver started and stopped again and again leave threads, file
 * descriptors and heap where they were. CI runs a short mode; the figures in docs/RELIABILITY.md come from the long
 * one: {@code -Dcamstream.hygiene.cycles=10000 -Dcamstream.hygiene.restarts=100}.
 */
class ResourceHygieneTest {

    private static final int CYCLES = Integer.getInteger("camstream.hygiene.cycles", 2_000);
    private static final int RESTARTS = Integer.getInteger("camstream.hygiene.restarts", 20);
    private static final long HEAP_MARGIN = 16L * 1024 * 1024;

    @Test
    void viewerCyclesAndDriverRestartsReturnThreadsDescriptorsAndHeapToTheirStart() throws Exception {
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: busy
                      driver: sim
                      width: 320
                      height: 240
                      fps: 30
                    - name: flaky
                      driver: sim
                      width: 160
                      height: 120
                      idle-timeout: 0s
                """)) {
            CameraFeed busy = server.server().cameras().find("busy").orElseThrow();
            CameraFeed flaky = server.server().cameras().find("flaky").orElseThrow();
            connectAndDrop(server.port(), 200);
            restart(server, flaky, 3);
            awaitViewers(busy);
            JvmFigures before = JvmFigures.now();

            long start = System.nanoTime();
            connectAndDrop(server.port(), CYCLES);
            restart(server, flaky, RESTARTS);
            awaitViewers(busy);
            JvmFigures after = JvmFigures.settled(before);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;

            System.out.printf("hygiene: %d viewer cycles, %d driver restarts in %d s; %s%n", CYCLES, RESTARTS, seconds,
                    before.change(after));
            assertThat(after.threads()).as("live threads").isLessThanOrEqualTo(before.threads() + 2);
            // The JDK creates its virtual-thread I/O pollers (epoll descriptors) lazily, per carrier thread.
            assertThat(after.descriptors()).as("open file descriptors")
                    .isLessThanOrEqualTo(before.descriptors() + 4);
            assertThat(after.heap()).as("heap used after GC").isLessThanOrEqualTo(before.heap() + HEAP_MARGIN);
        }
    }

    private static void connectAndDrop(int port, int cycles) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                try {
                    while (next.getAndIncrement() < cycles) {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress("127.0.0.1", port));
                            socket.setSoLinger(true, 0);
                            socket.getOutputStream().write("GET /cameras/busy/stream HTTP/1.1\r\nHost: x\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                            socket.getInputStream().readNBytes(ThreadLocalRandom.current().nextInt(1, 20_000));
                        }
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        assertThat(failure.get()).isNull();
    }

    /** Watches a camera whose capture stops as soon as nobody watches, so each viewer starts the driver anew. */
    private static void restart(RunningServer server, CameraFeed camera, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (InputStream body = Http.stream(server.uri("/cameras/" + camera.name() + "/stream")).body()) {
                new MjpegReader(body, MjpegFormat.BOUNDARY).next();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (camera.capturing()) {
                assertThat(System.nanoTime()).as("capture stopped").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    private static void awaitViewers(CameraFeed camera) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (camera.viewerCount() > 0) {
            assertThat(System.nanoTime()).as("viewers left").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

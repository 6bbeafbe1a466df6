package io.camstream.server;

import io.camstream.core.fanout.CameraFeed;
import io.camstream.core.mjpeg.MjpegFormat;
import io.camstream.spi.JpegSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Scaling out" topology on loopback: one origin camstream with the camera, two edge camstreams relaying
 * it with the http driver, nginx in front. However many viewers come, the origin serves one stream per edge; when
 * an edge dies, its viewers' reconnects land on the other edge and no frame arrives damaged.
 */
class ScaleOutTest {

    private static final int VIEWERS = 100;

    @Test
    void hundredViewersThroughNginxCostTheOriginTwoStreamsAndSurviveLosingAnEdge(@TempDir Path dir)
            throws Exception {
        Tools.require("nginx");
        List<Watcher> watchers = new ArrayList<>();
        try (RunningServer origin = RunningServer.simCamera("default", 320, 240, 10);
             RunningServer edgeA = RunningServer.start(edge(origin));
             RunningServer edgeB = RunningServer.start(edge(origin));
             Nginx nginx = Nginx.start(dir, List.of(edgeA.port(), edgeB.port()))) {
            CameraFeed camera = origin.server().cameras().defaultCamera();
            CameraFeed relayA = edgeA.server().cameras().defaultCamera();
            CameraFeed relayB = edgeB.server().cameras().defaultCamera();
            URI stream = URI.create("http://127.0.0.1:" + nginx.port() + "/video_feed");
            for (int i = 0; i < VIEWERS; i++) {
                watchers.add(Watcher.start(stream));
            }

            awaitFrames(watchers, 3, "every viewer gets frames through nginx; " + nginx.log());
            assertThat(relayA.viewerCount() + relayB.viewerCount()).isEqualTo(VIEWERS);
            assertThat(relayA.viewerCount()).as("viewers on edge A (least_conn)").isPositive();
            assertThat(relayB.viewerCount()).as("viewers on edge B (least_conn)").isPositive();
            assertThat(camera.viewerCount()).as("streams the origin serves").isEqualTo(2);

            int movedViewers = relayA.viewerCount();
            edgeA.close();
            awaitFrames(watchers, 3, "every viewer gets frames again after edge A died; " + nginx.log());
            Await.until("edge B carries every viewer", Duration.ofSeconds(30),
                    () -> relayB.viewerCount() == VIEWERS);
            assertThat(camera.viewerCount()).as("streams the origin serves").isEqualTo(1);
            assertThat(watchers.stream().mapToInt(w -> w.connections.get() - 1).sum())
                    .as("reconnects").isGreaterThanOrEqualTo(movedViewers);
            assertThat(watchers.stream().flatMap(w -> w.damaged.stream()).toList()).as("damaged frames").isEmpty();
        } finally {
            watchers.forEach(Watcher::stop);
        }
    }

    private static String edge(RunningServer origin) {
        return HttpRelayTest.relay(origin.uri("/video_feed").toString(), "");
    }

    private static void awaitFrames(List<Watcher> watchers, int more, String what) throws InterruptedException {
        List<Integer> targets = watchers.stream().map(w -> w.frames.get() + more).toList();
        Await.until(what, Duration.ofSeconds(60), () -> {
            for (int i = 0; i < watchers.size(); i++) {
                if (watchers.get(i).frames.get() < targets.get(i)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** A viewer that reconnects, as players do, whenever its stream ends, and checks every frame it gets. */
    private static final class Watcher {

        final AtomicInteger frames = new AtomicInteger();
        final AtomicInteger connections = new AtomicInteger();
        final List<String> damaged = new CopyOnWriteArrayList<>();
        private final URI stream;
        private volatile boolean stopped;
        private volatile InputStream body;

        private Watcher(URI stream) {
            this.stream = stream;
        }

        static Watcher start(URI stream) {
            Watcher watcher = new Watcher(stream);
            Thread.ofVirtual().start(watcher::run);
            return watcher;
        }

        void stop() {
            stopped = true;
            InputStream open = body;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }

        private void run() {
            while (!stopped) {
                try {
                    HttpResponse<InputStream> response = Http.stream(stream);
                    try (InputStream in = response.body()) {
                        body = in;
                        if (response.statusCode() == 200) {
                            connections.incrementAndGet();
                            watch(in);
                        }
                    }
                } catch (IOException e) {
                    // the stream ended or broke off: reconnect
                } catch (InterruptedException e) {
                    return;
                }
                pause();
            }
        }

        private void watch(InputStream in) throws IOException {
            MjpegReader reader = new MjpegReader(in, MjpegFormat.BOUNDARY);
            boolean first = true;
            while (!stopped) {
                MjpegReader.Part part = reader.next();
                check(part.body(), first);
                first = false;
                frames.incrementAndGet();
            }
        }

        private void check(byte[] jpeg, boolean decode) {
            int n = jpeg.length;
            if (n < 4 || (jpeg[n - 2] & 0xFF) != 0xFF || (jpeg[n - 1] & 0xFF) != 0xD9) {
                damaged.add(n + " bytes without EOI");
                return;
            }
            try {
                JpegSize size = JpegSize.read(jpeg);
                if (size.width() != 320 || size.height() != 240) {
                    damaged.add("size " + size);
                }
                if (decode) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
                    if (image == null || image.getWidth() != 320) {
                        damaged.add("undecodable");
                    }
                }
            } catch (IllegalArgumentException | IOException e) {
                damaged.add(e.toString());
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

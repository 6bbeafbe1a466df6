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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Scaling out" topology on loopback, as it runs in production: one origin camstream with the camera, two
 * edge camstreams (the packaged distribution, started with bin/camstream) relaying it with the http driver, and
 * nginx in front. However many viewers come, the origin serves one stream per edge; when an edge is killed, its
 * viewers' reconnects land on the other edge and no frame arrives damaged.
 */
class ScaleOutIT {

    private static final int VIEWERS = 100;

    @TempDir
    Path dir;

    @Test
    void hundredViewersThroughNginxCostTheOriginTwoStreamsAndSurviveAnEdgeBeingKilled() throws Exception {
        Tools.require("nginx");
        List<Watcher> watchers = new ArrayList<>();
        try (RunningServer origin = RunningServer.simCamera("default", 320, 240, 10);
             Distribution.Launched edgeA = Distribution.launch(edgeConfig("a", origin));
             Distribution.Launched edgeB = Distribution.launch(edgeConfig("b", origin))) {
            String a = "127.0.0.1:" + edgeA.awaitPort();
            String b = "127.0.0.1:" + edgeB.awaitPort();
            CameraFeed camera = origin.server().cameras().defaultCamera();
            try (Nginx nginx = Nginx.start(dir, List.of(a, b))) {
                URI stream = URI.create("http://127.0.0.1:" + nginx.port() + "/video_feed");
                for (int i = 0; i < VIEWERS; i++) {
                    watchers.add(Watcher.start(stream));
                }

                awaitFrames(watchers, 3, "every viewer gets frames through nginx; " + nginx.log());
                assertThat(watchers).extracting(w -> w.edge).containsOnly(a, b).contains(a, b);
                assertThat(camera.viewerCount()).as("streams the origin serves").isEqualTo(2);

                long onA = watchers.stream().filter(w -> a.equals(w.edge)).count();
                edgeA.process.destroyForcibly().waitFor(); // SIGKILL: no goodbye to anyone
                Await.until("every viewer of edge A reconnected to edge B", Duration.ofSeconds(60),
                        () -> watchers.stream().allMatch(w -> b.equals(w.edge)));
                awaitFrames(watchers, 3, "every viewer gets frames again after edge A died; " + nginx.log());
                assertThat(watchers.stream().mapToInt(w -> w.connections.get() - 1).sum())
                        .as("reconnects").isGreaterThanOrEqualTo((int) onA);
                Await.until("the origin serves edge B only", Duration.ofSeconds(30), () -> camera.viewerCount() == 1);
                assertThat(watchers.stream().flatMap(w -> w.damaged.stream()).toList()).as("damaged frames").isEmpty();
            }
        } finally {
            watchers.forEach(Watcher::stop);
        }
    }

    private Path edgeConfig(String name, RunningServer origin) throws IOException {
        Path config = dir.resolve("edge-" + name + ".yaml");
        Files.writeString(config, """
                server:
                  port: 0
                  host: 127.0.0.1
                """ + HttpRelayTest.relay(origin.uri("/video_feed").toString(), ""));
        return config;
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
        /** The edge that serves this viewer now, as nginx names it in X-Camstream-Edge. */
        volatile String edge;
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
                            // After a failed try nginx lists every edge it tried: "A, B". The last one answered.
                            String tried = response.headers().firstValue("X-Camstream-Edge").orElse("none");
                            edge = tried.substring(tried.lastIndexOf(',') + 1).trim();
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

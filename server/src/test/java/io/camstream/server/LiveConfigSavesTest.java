package io.camstream.server;

import io.camstream.core.cameras.CameraListener;
import io.camstream.core.fanout.CameraFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways editors and tools save a file, each caught half-way by the watch: what is applied is the file as saved,
 * once, and never a part of it, although every part here is a valid configuration (one without camera {@code b}).
 */
class LiveConfigSavesTest {

    private static final Duration APPLIED = Duration.ofSeconds(6);
    /** Shorter than the settle time, as the pauses of a program writing a file are. */
    private static final Duration PAUSE = Duration.ofMillis(300);
    private static final String HEAD = "server:\n  port: 0\n  host: 127.0.0.1\ncamstream:\n  cameras:\n"
            + "    - name: a\n      driver: counting\n";
    private static final String B = "    - name: b\n      driver: counting\n";
    private static final String C = "    - name: c\n      driver: counting\n";

    @TempDir
    Path dir;
    private Path file;
    private RunningServer server;
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        file = Files.writeString(dir.resolve("application.yaml"), HEAD + B);
        server = RunningServer.fromFile(file);
        server.server().cameras().listen(new CameraListener() {
            @Override
            public void added(CameraFeed feed) {
                heard.add("added " + feed.name());
            }

            @Override
            public void removed(CameraFeed feed) {
                heard.add("removed " + feed.name());
            }
        });
        heard.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void savedByRenamingANewFileOverIt() throws Exception {
        Path swap = Files.writeString(dir.resolve(".application.yaml.swp"), HEAD + B + C);
        Files.move(swap, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertOnlyCameraCAdded();
    }

    @Test
    void savedByTruncatingAndWritingInPieces() throws Exception {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, HEAD);
            Thread.sleep(PAUSE);
            write(out, B);
            Thread.sleep(PAUSE);
            write(out, C);
        }
        assertOnlyCameraCAdded();
    }

    @Test
    void savedInManySmallWrites() throws Exception {
        byte[] content = (HEAD + B + C).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < content.length; i += 8) {
                out.write(content, i, Math.min(8, content.length - i));
                out.flush();
                Thread.sleep(50);
            }
        }
        assertOnlyCameraCAdded();
    }

    @Test
    void savedByMovingTheOldFileAwayAndWritingANewOne() throws Exception {
        Files.move(file, dir.resolve("application.yaml~"));
        Thread.sleep(PAUSE);
        Files.writeString(file, HEAD + B + C);
        assertOnlyCameraCAdded();
    }

    private void assertOnlyCameraCAdded() throws Exception {
        Await.until("camera c", APPLIED, () -> server.status("/api/cameras/c") == 200);
        Thread.sleep(2000); // a second application, of anything, would come within this
        assertThat(heard).containsExactly("added c");
        assertThat(server.json("/api/config").getString("on-disk")).isEqualTo("in force");
    }

    private static void write(OutputStream out, String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

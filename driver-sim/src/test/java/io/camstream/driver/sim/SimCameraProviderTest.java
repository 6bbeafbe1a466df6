package io.camstream.driver.sim;

import io.camstream.core.image.JpegEncoder;
import io.camstream.core.image.Pixels;
import io.camstream.spi.Camera;
import io.camstream.spi.CameraConfigException;
import io.camstream.spi.CameraProvider;
import io.camstream.spi.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimCameraProviderTest {

    private final SimCameraProvider provider = new SimCameraProvider();
    private final List<Camera> opened = new ArrayList<>();

    @AfterEach
    void closeCameras() {
        opened.forEach(Camera::close);
    }

    @Test
    void isFoundByServiceLoaderAsSim() {
        assertThat(ServiceLoader.load(CameraProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found).isInstanceOf(SimCameraProvider.class);
                    assertThat(found.configKey()).isEqualTo("sim");
                });
    }

    @Test
    void namesItsKeys() {
        assertThat(provider.configKeys()).containsExactlyInAnyOrder("width", "height", "fps", "quality", "folder");
    }

    @Test
    void validateReportsABadValueAtStartUp() {
        assertThatThrownBy(() -> provider.validate(SimConfig.camera(Map.of("fps", "0"))))
                .isInstanceOf(CameraConfigException.class)
                .hasMessageContaining("camstream.cameras.0.fps");
    }

    @Test
    void patternFramesDecodeAtTheConfiguredSize() throws Exception {
        Camera camera = open(Map.of("width", "320", "height", "200", "fps", "60"));

        Frame frame = camera.nextFrame();

        BufferedImage picture = decode(frame.jpeg());
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(200);
        assertThat(frame.width()).isEqualTo(320);
        assertThat(frame.height()).isEqualTo(200);
    }

    @Test
    void patternFramesChangeFromFrameToFrame() throws Exception {
        Camera camera = open(Map.of("width", "160", "height", "120", "fps", "60"));

        Frame first = camera.nextFrame();
        Frame second = camera.nextFrame();

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(second.jpeg()).isNotEqualTo(first.jpeg());
        assertThat(decode(second.jpeg()).getWidth()).isEqualTo(160);
    }

    @Test
    void framesArePacedToTheConfiguredRate() throws Exception {
        Camera camera = open(Map.of("width", "160", "height", "120", "fps", "20"));
        long start = System.nanoTime();

        for (int i = 0; i < 10; i++) {
            camera.nextFrame();
        }

        // Never faster than the rate (PacerTest checks the schedule itself on a clock of its own); a busy machine
        // may only make it slower.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void detailsTellTheModeSizeAndRate() throws Exception {
        Camera camera = open(Map.of("width", "320", "height", "240", "fps", "25"));

        assertThat(camera.details()).containsExactly(Map.entry("mode", "pattern"), Map.entry("size", "320x240"),
                Map.entry("fps", "25"), Map.entry("quality", "80"));
    }

    @Test
    void folderModeSendsTheFilesBytesInNameOrderAndCycles(@TempDir Path folder) throws Exception {
        byte[] first = jpeg(folder.resolve("01.jpg"), 32, 16);
        byte[] second = jpeg(folder.resolve("02.jpeg"), 48, 32);
        byte[] third = jpeg(folder.resolve("03.JPG"), 16, 64);
        Camera camera = open(Map.of("folder", folder.toString(), "fps", "120"));

        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(camera.nextFrame().jpeg());
        }

        assertThat(sent).containsExactly(first, second, third, first, second);
    }

    @Test
    void folderModeReadsEachFramesSizeFromItsJpeg(@TempDir Path folder) throws Exception {
        jpeg(folder.resolve("a.jpg"), 48, 32);
        Camera camera = open(Map.of("folder", folder.toString(), "width", "640"));

        Frame frame = camera.nextFrame();

        assertThat(frame.width()).isEqualTo(48);
        assertThat(frame.height()).isEqualTo(32);
    }

    @Test
    void folderModeSkipsAFileThatIsNotAJpegWithOneWarning(@TempDir Path folder) throws Exception {
        byte[] good = jpeg(folder.resolve("a.jpg"), 32, 16);
        Files.writeString(folder.resolve("b.jpg"), "this is text, not a picture");
        List<LogRecord> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(JpegPlaylist.class.getName());
        Handler handler = collectWarnings(warnings);
        logger.addHandler(handler);
        try {
            Camera camera = open(Map.of("folder", folder.toString(), "fps", "120"));

            assertThat(List.of(camera.nextFrame().jpeg(), camera.nextFrame().jpeg())).containsExactly(good, good);
            assertThat(warnings).singleElement()
                    .satisfies(warning -> assertThat(warning.getParameters()).contains(folder.resolve("b.jpg")));
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void folderModeIgnoresFilesWithOtherNames(@TempDir Path folder) throws Exception {
        byte[] only = jpeg(folder.resolve("frame.jpg"), 32, 16);
        jpeg(folder.resolve("frame.png"), 32, 16);
        Files.writeString(folder.resolve("README"), "notes");
        Camera camera = open(Map.of("folder", folder.toString(), "fps", "120"));

        assertThat(List.of(camera.nextFrame().jpeg(), camera.nextFrame().jpeg())).containsExactly(only, only);
        assertThat(camera.details()).containsEntry("mode", "folder").containsEntry("files", "1");
    }

    @Test
    void aFolderOfBrokenJpegsFailsToOpen(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.jpg"), "garbage");

        assertThatThrownBy(() -> provider.create(SimConfig.camera(Map.of("folder", folder.toString())), "porch"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(folder.toString());
    }

    @Test
    void closeUnblocksAWaitingNextFrame() throws Exception {
        Camera camera = open(Map.of("width", "160", "height", "120", "fps", "1"));
        camera.nextFrame();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiting = Thread.ofPlatform().start(() -> {
            try {
                camera.nextFrame();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        awaitBlocked(waiting);

        camera.close();
        waiting.join(Duration.ofMillis(500));

        assertThat(waiting.isAlive()).as("still waiting a second after close").isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aClosedCameraCanBeClosedAgainAndDeliversNoMore() throws Exception {
        Camera camera = open(Map.of("width", "160", "height", "120"));
        camera.nextFrame();

        camera.close();
        camera.close();

        assertThatThrownBy(camera::nextFrame).isInstanceOf(InterruptedException.class);
    }

    private Camera open(Map<String, String> settings) throws Exception {
        Camera camera = provider.create(SimConfig.camera(settings), "test camera");
        opened.add(camera);
        return camera;
    }

    private static byte[] jpeg(Path file, int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Pixels.fillRect(picture, 0, 0, width, height, width * 0x010203);
        try (JpegEncoder encoder = new JpegEncoder(90)) {
            byte[] jpeg = encoder.encode(picture);
            Files.write(file, jpeg);
            return jpeg;
        }
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static Handler collectWarnings(List<LogRecord> warnings) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }
}

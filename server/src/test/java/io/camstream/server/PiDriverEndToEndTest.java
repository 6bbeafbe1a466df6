package io.camstream.server;

import io.camstream.core.mjpeg.MjpegFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pi driver behind the real server: a viewer over HTTP receives the frames of a fake rpicam-vid, and the child
 * process is gone once the server has stopped.
 */
class PiDriverEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void viewerReceivesFramesFromRpicamVidAndServerStopEndsTheProcess() throws Exception {
        Path fake = installFakeRpicamVid();
        List<ProcessHandle> children;
        try (RunningServer server = RunningServer.start("""
                camstream:
                  cameras:
                    - name: pi
                      driver: pi
                      command: %s
                      width: 320
                      height: 240
                      fps: 10
                """.formatted(fake))) {
            try (InputStream body = Http.stream(server.uri("/video_feed")).body()) {
                MjpegReader reader = new MjpegReader(body, MjpegFormat.BOUNDARY);
                for (int i = 0; i < 5; i++) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(reader.next().body()));
                    assertThat(image.getWidth()).isEqualTo(320);
                    assertThat(image.getHeight()).isEqualTo(240);
                }
            }
            children = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(fake.toString()))
                    .toList();
            assertThat(children).as("the running rpicam-vid").isNotEmpty();
        }
        assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).isFalse());
    }

    private Path installFakeRpicamVid() throws Exception {
        Path fake = dir.resolve("rpicam-vid");
        Files.copy(Path.of("../driver-pi/src/test/resources/fake-rpicam-vid.sh"), fake);
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        Path frames = Files.createDirectory(dir.resolve("frames"));
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (int i = 0; i < colors.length; i++) {
            BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(colors[i]);
            g.fillRect(0, 0, 320, 240);
            g.dispose();
            ImageIO.write(image, "jpg", frames.resolve("frame-" + i + ".jpg").toFile());
        }
        try (Stream<Path> files = Files.list(frames)) {
            assertThat(files.count()).isEqualTo(3);
        }
        return fake;
    }
}

package io.camstream.driver.pi;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The fake rpicam-vid of the test resources, installed in a directory with real JPEG frames beside it; see the
 * script for what it does. Each run leaves runs/PID.args with its arguments, one per line.
 */
final class FakeRpicamVid {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private final Path dir;
    private final List<byte[]> frames;

    private FakeRpicamVid(Path dir, List<byte[]> frames) {
        this.dir = dir;
        this.frames = frames;
    }

    static FakeRpicamVid install(Path dir) throws IOException {
        Path program = dir.resolve("rpicam-vid");
        try (InputStream script = FakeRpicamVid.class.getResourceAsStream("/fake-rpicam-vid.sh")) {
            Files.copy(script, program);
        }
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("frames"));
        List<byte[]> frames = new ArrayList<>();
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (int i = 0; i < colors.length; i++) {
            byte[] jpeg = jpeg(colors[i], i);
            Files.write(dir.resolve("frames").resolve("frame-" + i + ".jpg"), jpeg);
            frames.add(jpeg);
        }
        return new FakeRpicamVid(dir, List.copyOf(frames));
    }

    Path program() {
        return dir.resolve("rpicam-vid");
    }

    /** The JPEGs it plays. */
    List<byte[]> frames() {
        return frames;
    }

    /** Sets how the next runs behave, for example {@code die-after 5}. */
    void mode(String mode) throws IOException {
        Files.writeString(dir.resolve("mode"), mode + "\n");
    }

    /** The process ids of every run so far, oldest first. */
    List<Long> runs() throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.sorted(Comparator.comparing(FakeRpicamVid::modified))
                    .map(file -> Long.parseLong(file.getFileName().toString().replace(".args", "")))
                    .toList();
        }
    }

    /** The arguments a run received. */
    List<String> args(long pid) throws IOException {
        return Files.readAllLines(dir.resolve("runs").resolve(pid + ".args"));
    }

    static boolean gone(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(Color color, int number) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.WHITE);
        g.drawString("fake rpicam-vid frame " + number, 20, HEIGHT / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}

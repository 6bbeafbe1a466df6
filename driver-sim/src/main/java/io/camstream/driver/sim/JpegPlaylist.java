package io.camstream.driver.sim;

import io.camstream.spi.Frame;
import io.camstream.spi.JpegSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JPEGs of a folder, read once and sent in name order in a loop, byte for byte as they are on disk.
 */
final class JpegPlaylist implements FrameSource {

    private static final System.Logger LOGGER = System.getLogger(JpegPlaylist.class.getName());

    private final Path folder;
    private final int fps;
    private final List<byte[]> pictures;
    private int next;

    private JpegPlaylist(Path folder, int fps, List<byte[]> pictures) {
        this.folder = folder;
        this.fps = fps;
        this.pictures = pictures;
    }

    /**
     * Reads the folder's {@code .jpg} and {@code .jpeg} files. A file that is not a JPEG with a frame header is
     * skipped with a warning; files with other names are ignored.
     *
     * @param camera the camera's name, for the warnings
     * @param folder the folder
     * @param fps    the frame rate, for the details
     * @return the playlist
     * @throws IOException when the folder cannot be read or holds no usable JPEG
     */
    static JpegPlaylist load(String camera, Path folder, int fps) throws IOException {
        List<byte[]> pictures = new ArrayList<>();
        for (Path file : files(folder)) {
            byte[] jpeg = Files.readAllBytes(file);
            try {
                JpegSize.read(jpeg);
                pictures.add(jpeg);
            } catch (IllegalArgumentException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0} skips {1}: {2}", camera, file, e.getMessage());
            }
        }
        if (pictures.isEmpty()) {
            throw new IOException("the folder " + folder + " holds no usable .jpg or .jpeg file");
        }
        return new JpegPlaylist(folder, fps, List.copyOf(pictures));
    }

    /**
     * The folder's {@code .jpg} and {@code .jpeg} files (in any case), in name order.
     *
     * @param folder the folder
     * @return the files
     * @throws IOException when the folder cannot be listed
     */
    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(JpegPlaylist::hasJpegName)
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        }
    }

    @Override
    public Frame frame(long slot) {
        byte[] jpeg = pictures.get(next);
        next = (next + 1) % pictures.size();
        return Frame.of(jpeg, slot, Instant.now());
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", "folder");
        details.put("folder", folder.toString());
        details.put("files", Integer.toString(pictures.size()));
        details.put("fps", Integer.toString(fps));
        return Collections.unmodifiableMap(details);
    }

    private static boolean hasJpegName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}

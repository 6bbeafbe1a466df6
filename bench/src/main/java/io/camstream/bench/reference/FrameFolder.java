package io.camstream.bench.reference;

import io.camstream.spi.JpegSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The JPEG files of a folder, read once, in name order.
 */
final class FrameFolder {

    private FrameFolder() {
    }

    /**
     * @throws IllegalArgumentException when the folder holds no JPEG file or one of them is not a JPEG
     */
    static List<byte[]> load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--folder " + folder + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(FrameFolder::isJpegName).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--folder " + folder + " has no *.jpg or *.jpeg file; "
                    + "make some with: camstream-bench frames --out " + folder);
        }
        List<byte[]> jpegs = new ArrayList<>();
        for (Path file : files) {
            byte[] jpeg = Files.readAllBytes(file);
            try {
                JpegSize.read(jpeg);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            jpegs.add(jpeg);
        }
        return jpegs;
    }

    private static boolean isJpegName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }
}

package io.camstream.core.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * What a file looks like from outside: its size, when it was last written and which file it is (a file saved by
 * rename is another file under the same name). Two equal stamps taken a while apart say that nobody wrote it
 * meanwhile, as far as the file system can tell.
 *
 * @param size     its length in bytes
 * @param modified its last modification
 * @param key      the file system's identity of the file (device and inode), or null where there is none
 */
public record FileStamp(long size, FileTime modified, Object key) {

    /**
     * The stamp of a regular file, following links.
     *
     * @param file the file
     * @return its stamp, or empty when there is no such regular file
     * @throws IOException when it exists but cannot be read
     */
    public static Optional<FileStamp> of(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey()));
    }
}

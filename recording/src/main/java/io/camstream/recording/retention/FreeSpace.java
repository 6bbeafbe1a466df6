package io.camstream.recording.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes the file system holding a directory can still take. */
@FunctionalInterface
public interface FreeSpace {

    /**
     * @return the bytes this process may still write there
     * @throws IOException when the file system cannot tell
     */
    long usableBytes() throws IOException;

    /**
     * The file system's own answer.
     *
     * @param dir a directory on it
     * @return the probe
     */
    static FreeSpace of(Path dir) {
        return () -> Files.getFileStore(dir).getUsableSpace();
    }
}

package io.camstream.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells the launcher that this run started well, so that what the JVM records of it may become the startup cache.
 * The launcher names the file with {@code -Dcamstream.startup-recording} on runs that record; a run that stops on a
 * configuration mistake has loaded only part of the server and would make a poor cache, so it leaves no mark.
 */
final class StartupRecording {

    static final String PROPERTY = "camstream.startup-recording";

    private static final System.Logger LOGGER = System.getLogger(StartupRecording.class.getName());

    private StartupRecording() {
    }

    static void started() {
        String mark = System.getProperty(PROPERTY);
        if (mark == null) {
            return;
        }
        try {
            Files.writeString(Path.of(mark), "");
        } catch (IOException e) {
            // Only the next start is slower for it.
            LOGGER.log(System.Logger.Level.DEBUG, "Cannot mark this run for the startup cache: {0}", e.toString());
        }
    }
}

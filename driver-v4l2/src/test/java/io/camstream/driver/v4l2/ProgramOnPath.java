package io.camstream.driver.v4l2;

import java.io.File;
import java.util.Arrays;

/** Whether a program can be found on PATH (CI installs ffmpeg; a test fails there rather than skipping). */
final class ProgramOnPath {

    private ProgramOnPath() {
    }

    static boolean exists(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, program).canExecute());
    }
}

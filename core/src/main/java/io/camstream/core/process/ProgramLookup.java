package io.camstream.core.process;

import java.io.FileNotFoundException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the program of a command before it is started, so that a missing one is reported as such (which program,
 * where it was looked for, how to install it) rather than as "error=2, No such file or directory".
 */
final class ProgramLookup {

    private ProgramLookup() {
    }

    /**
     * Finds a program the way the process will: a name with a slash is a path, any other is searched on PATH.
     *
     * @param program     the program as configured
     * @param path        the PATH to search
     * @param installHint what to do when it is missing
     * @return the executable file
     * @throws FileNotFoundException when there is no such executable
     */
    static Path locate(String program, String path, String installHint) throws FileNotFoundException {
        if (program.contains("/")) {
            Path file = Path.of(program);
            if (!Files.exists(file)) {
                throw new FileNotFoundException(program + " was not found: there is no such file. " + installHint);
            }
            if (Files.isDirectory(file) || !Files.isExecutable(file)) {
                throw new FileNotFoundException(program + " cannot be run: it is not an executable file. "
                        + installHint);
            }
            return file;
        }
        List<String> searched = new ArrayList<>();
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            searched.add(dir);
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new FileNotFoundException(program + " was not found: looked for '" + program + "' in "
                + (searched.isEmpty() ? "an empty PATH" : String.join(":", searched)) + ". " + installHint);
    }
}

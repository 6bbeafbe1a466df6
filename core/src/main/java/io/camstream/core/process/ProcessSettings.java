package io.camstream.core.process;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ProcessCamera} runs.
 *
 * @param camera        the camera's name, for messages
 * @param command       the program and its arguments; the program writes JPEGs back to back on its stdout
 * @param installHint   what the user should do when the program is missing, for example
 *                      "Install it with 'sudo apt install rpicam-apps'"
 * @param maxFrameBytes the largest frame accepted; larger ones are dropped
 */
public record ProcessSettings(String camera, List<String> command, String installHint, int maxFrameBytes) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when the command is empty or the frame limit not positive
     */
    public ProcessSettings {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(installHint, "installHint");
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("max frame bytes must be positive, was " + maxFrameBytes);
        }
    }

    /**
     * The program's file name, as messages call it.
     *
     * @return for example {@code rpicam-vid}
     */
    public String programName() {
        String program = command.getFirst();
        return program.substring(program.lastIndexOf('/') + 1);
    }
}

package io.camstream.server.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the server runs on, against what its configuration file says now.
 *
 * @param file          the file read at start-up, empty for the built-in configuration
 * @param watched       whether changes to it are taken in as they are saved ({@code camstream.watch-config})
 * @param inForceSince  when the version in force was read: at start-up or when a change was last applied
 * @param refused       why the file on disk is not the one in force, while it is not
 * @param restartNeeded keys whose value in the file in force differs from the one the server started with, and
 *                      which take effect only when camstream starts
 */
public record ConfigState(Optional<Path> file, boolean watched, Instant inForceSince, Optional<Refusal> refused,
                          List<String> restartNeeded) {

    /**
     * A version of the file that was not applied.
     *
     * @param reason what is wrong, as start-up would have said it
     * @param since  when it was first refused
     */
    public record Refusal(String reason, Instant since) {
    }

    /**
     * The state of a server that just started.
     *
     * @param file    the file it read, if any
     * @param watched whether the file is watched
     * @return the state
     */
    public static ConfigState started(Optional<Path> file, boolean watched) {
        return new ConfigState(file, watched, Instant.now(), Optional.empty(), List.of());
    }
}

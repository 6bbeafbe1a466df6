package io.camstream.server.auth;

import java.time.Clock;

/** Runs {@code camstream link} in the test's JVM, returning what it prints instead of exiting. */
public final class LinkCommandRun {

    private LinkCommandRun() {
    }

    public static String run(String... args) {
        return LinkCommand.run(args, Clock.systemUTC());
    }
}

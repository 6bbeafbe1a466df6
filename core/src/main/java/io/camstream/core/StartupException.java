package io.camstream.core;

/**
 * The server cannot start as configured. The message says what is wrong and what to do, and is shown to the user
 * without a stack trace.
 */
public class StartupException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public StartupException(String message) {
        super(message);
    }
}

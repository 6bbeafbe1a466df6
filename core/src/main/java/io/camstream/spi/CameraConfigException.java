package io.camstream.spi;

/**
 * A camera's configuration cannot be used. The message names the full key, the value found and what is allowed,
 * and is shown to the user as it is, without a stack trace.
 */
public class CameraConfigException extends IllegalArgumentException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the key, the value and what is allowed
     */
    public CameraConfigException(String message) {
        super(message);
    }
}

package io.camstream.core.jpeg;

/**
 * The bytes are not a JPEG this toolkit can read: malformed, truncated, or beyond the {@link JpegLimits}. The
 * message says what was wrong and where.
 */
public class JpegException extends IllegalArgumentException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public JpegException(String message) {
        super(message);
    }
}

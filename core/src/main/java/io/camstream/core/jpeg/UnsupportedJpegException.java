package io.camstream.core.jpeg;

/**
 * A well-formed JPEG of a kind this toolkit does not handle (progressive, arithmetic-coded, 12-bit, lossless,
 * hierarchical, an unusual number of components). Callers fall back to passing the frame on untouched or to another
 * decoder; the message names the kind.
 */
public final class UnsupportedJpegException extends JpegException {

    /**
     * Creates the exception.
     *
     * @param message the kind of JPEG and why it is not handled
     */
    public UnsupportedJpegException(String message) {
        super(message);
    }
}

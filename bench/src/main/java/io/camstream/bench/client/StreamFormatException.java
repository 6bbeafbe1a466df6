package io.camstream.bench.client;

/**
 * The server's bytes are not an MJPEG stream this client can follow.
 */
final class StreamFormatException extends RuntimeException {

    StreamFormatException(String message) {
        super(message);
    }
}

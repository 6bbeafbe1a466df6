package io.camstream.spi;

import java.util.Map;

/**
 * A running capture: the device is open and frames can be pulled.
 * <p>
 * camstream calls {@link #nextFrame()} from one thread, in a loop, for as long as someone watches, and
 * {@link #close()} from another thread when nobody does (or when the capture hangs or the server stops). A camera
 * is never reused after it is closed: the next capture gets a new one from its {@link CameraProvider}.
 * <p>
 * A driver that fails just throws: camstream shows its viewers a "NO SIGNAL" picture with the message, closes this
 * camera and creates a new one after a growing pause.
 */
public interface Camera extends AutoCloseable {

    /**
     * Waits for the next picture and returns it. Frames should come at the configured rate; camstream never asks
     * faster than it can hand them out, and a driver that has nothing new should block rather than repeat itself.
     *
     * @return the next frame, never {@code null}
     * @throws Exception            when the device failed or the source ended; the message is shown to viewers
     * @throws InterruptedException when the capture is being stopped
     */
    Frame nextFrame() throws Exception;

    /**
     * Facts about the device worth showing to an operator (model, firmware, the command that runs), as text.
     *
     * @return name to value, in a stable order; empty by default
     */
    default Map<String, String> details() {
        return Map.of();
    }

    /**
     * Releases the device. Must make a {@link #nextFrame()} that is blocked in another thread return or throw
     * promptly, must not throw, and may be called more than once.
     */
    @Override
    void close();
}

package io.camstream.driver.sim;

import io.camstream.spi.Camera;
import io.camstream.spi.Frame;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated camera: delivers its source's frames on the pacer's schedule until closed.
 */
final class SimCamera implements Camera {

    private final Pacer pacer;
    private final FrameSource source;
    /** Keeps close() from releasing the source while a frame is being made. */
    private final ReentrantLock making = new ReentrantLock();
    private volatile boolean closed;

    SimCamera(Pacer pacer, FrameSource source) {
        this.pacer = pacer;
        this.source = source;
    }

    @Override
    public Frame nextFrame() throws InterruptedException {
        long slot = pacer.awaitNext();
        making.lock();
        try {
            if (closed) {
                throw new InterruptedException("the sim camera was closed");
            }
            return source.frame(slot);
        } finally {
            making.unlock();
        }
    }

    @Override
    public Map<String, String> details() {
        return source.details();
    }

    @Override
    public void close() {
        closed = true;
        pacer.close();
        making.lock();
        try {
            source.close();
        } finally {
            making.unlock();
        }
    }
}

package io.camstream.core.variant;

import io.camstream.core.fanout.FrameFanout;
import io.camstream.core.fanout.FrameSlot;
import io.camstream.core.fanout.StreamFrame;
import io.camstream.core.jpeg.FrameBuffers;
import io.camstream.core.jpeg.JpegDecoder;
import io.camstream.core.jpeg.JpegException;
import io.camstream.core.jpeg.JpegLimits;
import io.camstream.core.jpeg.PlanarEncoder;
import io.camstream.core.jpeg.PlanarImage;
import io.camstream.spi.Frame;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import java.util.Optional;

/**
 * One variant while someone wants it: an encoder that takes the camera's newest frame like an uncapped viewer does,
 * decodes it at the variant's width, encodes it at its quality and publishes the result into a fan-out of its own,
 * which the variant's viewers take frames from as others take the camera's. An encoder slower than the camera skips
 * frames as a slow viewer does, and delays neither the camera nor the other variants.
 * <p>
 * The encoder runs on a platform thread of its own: encoding is CPU work of a few milliseconds per frame, which on
 * a virtual thread would hold one of the few carrier threads every stream's writes run on (the capture moved to a
 * platform thread for that reason), and a platform thread's CPU time can be read to tell what a variant costs.
 */
final class Variant implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Variant.class.getName());
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The weight of the newest frame in the average cost: about the last 30 frames count. */
    private static final double AVERAGE_WEIGHT = 1.0 / 30;

    private final String camera;
    private final VariantSpec spec;
    private final FrameSlot source;
    private final FrameFanout output;
    private final Thread encoder;
    private final FrameBuffers buffers = new FrameBuffers();
    /** Streams and snapshots of this variant; kept by {@link Variants} under its lock. */
    int users;

    // Written by the encoder only; volatile so that figures read elsewhere are current.
    private volatile long framesEncoded;
    private volatile long framesSkipped;
    private volatile long cpuNanos;
    private volatile double averageNanos;
    private volatile Frame last;
    private volatile boolean closed;
    private String loggedProblem;

    Variant(String camera, VariantSpec spec, FrameSlot source, FrameFanout output) {
        this.camera = camera;
        this.spec = spec;
        this.source = source;
        this.output = output;
        this.encoder = Thread.ofPlatform().daemon()
                .name("variant-" + camera + "-" + spec.toString().replace(' ', '-'))
                .unstarted(this::run);
    }

    Variant start() {
        encoder.start();
        return this;
    }

    /** @return the fan-out the variant's viewers take frames from */
    FrameFanout output() {
        return output;
    }

    long framesEncoded() {
        return framesEncoded;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    VariantState state() {
        Frame frame = last;
        return new VariantState(spec, frame == null ? 0 : frame.width(), frame == null ? 0 : frame.height(), users,
                framesEncoded, framesSkipped, averageNanos / 1e6, frame == null ? 0 : frame.size());
    }

    /** Stops the encoder and ends the waits of the variant's viewers; a frame being encoded is dropped. */
    @Override
    public void close() {
        closed = true;
        encoder.interrupt();
        output.close();
    }

    /**
     * Waits for updates of the camera: a new frame is encoded and published; the camera's last frame sent again
     * ({@code drop-same-frames}) confirms the variant's last one, for snapshots. The first frame encoded is the
     * camera's newest when the variant starts, so that its first viewer does not wait for the next.
     */
    private void run() {
        long seen = 0;
        long encoded = 0;
        try {
            while (!closed) {
                Optional<FrameSlot.Update> update = source.awaitUpdateAfter(seen);
                if (update.isEmpty()) {
                    return;
                }
                seen = update.get().number();
                StreamFrame frame = update.get().frame();
                if (frame.serial() == encoded) {
                    output.confirm();
                    continue;
                }
                if (encoded > 0 && frame.serial() > encoded + 1) {
                    framesSkipped += frame.serial() - encoded - 1;
                }
                encoded = frame.serial();
                Frame picture = encode(frame.frame());
                if (!closed) {
                    output.publish(picture, frame.live());
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private Frame encode(Frame frame) {
        long start = THREADS.getCurrentThreadCpuTime();
        Frame picture;
        try {
            int width = spec.width() == VariantSpec.FULL_WIDTH ? frame.width() : Math.min(spec.width(), frame.width());
            PlanarImage image = JpegDecoder.decode(frame.jpeg(), width, JpegLimits.DEFAULT, buffers);
            byte[] jpeg = PlanarEncoder.encode(image, spec.quality(), 0, buffers);
            picture = new Frame(jpeg, frame.sequence(), frame.captureTime(), image.width(), image.height());
            loggedProblem = null;
        } catch (JpegException e) {
            if (!Objects.equals(e.getMessage(), loggedProblem)) {
                loggedProblem = e.getMessage();
                LOGGER.log(System.Logger.Level.WARNING, "Camera {0}: variant {1} cannot decode a frame ({2}); such"
                        + " frames are shown as the camera sent them", camera, spec, e.getMessage());
            }
            picture = frame;
        }
        long cost = THREADS.getCurrentThreadCpuTime() - start;
        cpuNanos += cost;
        averageNanos = framesEncoded == 0 ? cost : averageNanos + AVERAGE_WEIGHT * (cost - averageNanos);
        framesEncoded++;
        last = picture;
        return picture;
    }
}
